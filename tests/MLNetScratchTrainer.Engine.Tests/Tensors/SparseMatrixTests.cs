using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Tensors;

[TestClass]
public sealed class SparseMatrixTests
{
    [TestMethod]
    public void FromDense_KeepsTheNonZerosRowByRow()
    {
        float[] dense =
        [
            0f, 2f, 0f, 3f,
            0f, 0f, 0f, 0f,
            5f, 0f, 0f, -1f,
        ];

        var sparse = SparseMatrix.FromDense(dense, 3, 4);

        Assert.AreEqual(3, sparse.Rows);
        Assert.AreEqual(4, sparse.NonZeroCount);
        CollectionAssert.AreEqual(new[] { 0, 2, 2, 4 }, sparse.RowStarts.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 3, 0, 3 }, sparse.ColumnIndices.ToArray());
        CollectionAssert.AreEqual(new[] { 2f, 3f, 5f, -1f }, sparse.Values.ToArray());
        Assert.AreEqual(0, sparse.RowIndices(1).Length);
    }

    [TestMethod]
    public void Clear_ThenAppend_ReusesTheBuffers()
    {
        var sparse = new SparseMatrix(10);
        sparse.AppendRow([1, 4], [1f, 2f]);
        sparse.Clear();
        sparse.AppendRow([7], [3f]);

        Assert.AreEqual(1, sparse.Rows);
        CollectionAssert.AreEqual(new[] { 7 }, sparse.ColumnIndices.ToArray());
        CollectionAssert.AreEqual(new[] { 3f }, sparse.RowValues(0).ToArray());
    }

    [TestMethod]
    [DataRow(new[] { 3, 3 }, DisplayName = "repeated index")]
    [DataRow(new[] { 4, 2 }, DisplayName = "decreasing indices")]
    [DataRow(new[] { 1, 10 }, DisplayName = "index past the last column")]
    [DataRow(new[] { -1, 2 }, DisplayName = "negative index")]
    public void AppendRow_BadIndices_ThrowNamingRowAndIndex(int[] indices)
    {
        var sparse = new SparseMatrix(10);
        sparse.AppendRow([0], [1f]);

        var exception = Assert.ThrowsExactly<ArgumentException>(() => sparse.AppendRow(indices, [1f, 1f]));

        StringAssert.StartsWith(exception.Message, "Row 1: column index");
        Assert.AreEqual(1, sparse.Rows);
    }

    [TestMethod]
    public void AppendRow_LengthsDiffer_Throws()
        => Assert.ThrowsExactly<ArgumentException>(() => new SparseMatrix(5).AppendRow([1, 2], [1f]));
}
