using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Tests.Data;

[TestClass]
public sealed class CsvDatasetReaderTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [TestMethod]
    public void Read_ByLabelName_TakesEveryOtherColumnAsFeatures()
    {
        string path = _folder.WriteText("middle.csv", "a,label,b\n1,0,2.5\n3,1,-4e-1\n");

        Dataset data = CsvDatasetReader.Read(path, "label");

        Assert.AreEqual(2, data.Count);
        Assert.AreEqual(2, data.FeatureCount);
        CollectionAssert.AreEqual(new[] { 1f, 2.5f, 3f, -0.4f }, data.Features);
        CollectionAssert.AreEqual(new[] { 0f, 1f }, data.Labels);
    }

    [TestMethod]
    public void Read_ByIndexWithoutHeader_ReadsEveryRow()
    {
        string path = _folder.WriteText("plain.csv", "1,2,0\n3,4,1\n");

        Dataset data = CsvDatasetReader.Read(path, 2, new CsvReadOptions { HasHeader = false });

        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f, 4f }, data.Features);
        CollectionAssert.AreEqual(new[] { 0f, 1f }, data.Labels);
    }

    [TestMethod]
    public void Read_ByIndexWithHeader_SkipsTheHeader()
    {
        string path = _folder.WriteText("first.csv", "target,x\n2,0.5\n");

        Dataset data = CsvDatasetReader.Read(path, 0);

        CollectionAssert.AreEqual(new[] { 0.5f }, data.Features);
        CollectionAssert.AreEqual(new[] { 2f }, data.Labels);
    }

    [TestMethod]
    public void ReadLabelLast_TakesTheLastColumnAsLabel()
    {
        string path = _folder.WriteText("last.csv", "x,y,target\n1,2,3\n4,5,6\n");

        Dataset data = CsvDatasetReader.ReadLabelLast(path);

        CollectionAssert.AreEqual(new[] { 1f, 2f, 4f, 5f }, data.Features);
        CollectionAssert.AreEqual(new[] { 3f, 6f }, data.Labels);
    }

    [TestMethod]
    public void Read_FeatureColumns_SelectsAndOrdersColumnsAndSkipsText()
    {
        string path = _folder.WriteText("people.csv", "id,name,x,y,target\n1,alice,0.5,2,1\n2,bob,1.5,3,0\n");

        Dataset data = CsvDatasetReader.Read(path, "target", new CsvReadOptions { FeatureColumns = ["y", "x"] });

        Assert.AreEqual(2, data.FeatureCount);
        CollectionAssert.AreEqual(new[] { 2f, 0.5f, 3f, 1.5f }, data.Features);
        CollectionAssert.AreEqual(new[] { 1f, 0f }, data.Labels);
    }

    [TestMethod]
    public void Read_QuotesSpacesBlankLinesAndCrLf_AreAccepted()
    {
        string path = _folder.WriteText("messy.csv", "a,target\r\n\"1.5\", 1\r\n\r\n 2e3 ,0\r\n");

        Dataset data = CsvDatasetReader.ReadLabelLast(path);

        CollectionAssert.AreEqual(new[] { 1.5f, 2000f }, data.Features);
        CollectionAssert.AreEqual(new[] { 1f, 0f }, data.Labels);
    }

    [TestMethod]
    public void Read_OtherSeparator_IsUsed()
    {
        string path = _folder.WriteText("semicolon.csv", "a;b;target\n1.25;2;0\n");

        Dataset data = CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { Separator = ';' });

        CollectionAssert.AreEqual(new[] { 1.25f, 2f }, data.Features);
    }

    [TestMethod]
    public void Read_NumberThatDoesNotParse_NamesLineColumnAndText()
    {
        string path = _folder.WriteText("iris.csv", "sepal_length,petal_length,target\n1,2,0\n\n1,abc,1\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path));

        Assert.AreEqual($"Could not parse 'abc' in column 'petal_length' at line 4 of '{path}' as a number.", error.Message);
    }

    [TestMethod]
    public void Read_CommaDecimalPoint_IsNotANumber()
    {
        string path = _folder.WriteText("comma.csv", "a;target\n1,5;0\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { Separator = ';' }));

        Assert.Contains("Could not parse '1,5' in column 'a' at line 2", error.Message);
    }

    [TestMethod]
    public void Read_BadLabelWithoutHeader_NamesTheColumnByIndex()
    {
        string path = _folder.WriteText("plain.csv", "1,2,0\n3,4,setosa\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.Read(path, 2, new CsvReadOptions { HasHeader = false }));

        Assert.Contains("Could not parse 'setosa' in column at index 2 at line 2", error.Message);
    }

    [TestMethod]
    public void Read_EmptyField_SaysMissingValuesAreNotSupported()
    {
        string path = _folder.WriteText("gap.csv", "x,y,target\n1,,0\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path));

        Assert.Contains("The field in column 'y' at line 2", error.Message);
        Assert.Contains("is empty; missing values are not supported", error.Message);
    }

    [TestMethod]
    public void Read_NotFiniteNumbers_AreRejected()
    {
        string nan = _folder.WriteText("nan.csv", "x,target\nNaN,0\n");
        string overflow = _folder.WriteText("overflow.csv", "x,target\n1,0\n1e40,1\n");

        var nanError = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(nan));
        var overflowError = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(overflow));

        Assert.Contains("The value 'NaN' in column 'x' at line 2", nanError.Message);
        Assert.Contains("is not a finite number", nanError.Message);
        Assert.Contains("The value '1e40' in column 'x' at line 3", overflowError.Message);
    }

    [TestMethod]
    public void Read_MissingLabelColumn_ListsTheAvailableColumns()
    {
        string path = _folder.WriteText("iris.csv", "sepal_length,petal_length,target\n1,2,0\n");

        var error = Assert.ThrowsExactly<ArgumentException>(() => CsvDatasetReader.Read(path, "species"));

        Assert.Contains($"The label column 'species' is not in '{path}'; its columns are: sepal_length, petal_length, target.", error.Message);
        Assert.AreEqual("labelColumn", error.ParamName);
    }

    [TestMethod]
    public void Read_RepeatedLabelColumnName_Throws()
    {
        string path = _folder.WriteText("twice.csv", "x,target,target\n1,2,0\n");

        var error = Assert.ThrowsExactly<ArgumentException>(() => CsvDatasetReader.Read(path, "target"));

        Assert.Contains("'target' appears 2 times", error.Message);
    }

    [TestMethod]
    public void Read_LabelByNameWithoutHeader_Throws()
    {
        string path = _folder.WriteText("plain.csv", "1,2,0\n");

        var error = Assert.ThrowsExactly<ArgumentException>(() => CsvDatasetReader.Read(path, "target", new CsvReadOptions { HasHeader = false }));

        Assert.Contains("needs a header row", error.Message);
    }

    [TestMethod]
    public void Read_LabelIndexOutOfRange_SaysHowManyColumnsThereAre()
    {
        string path = _folder.WriteText("three.csv", "a,b,c\n1,2,0\n");

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CsvDatasetReader.Read(path, 3));

        Assert.Contains("has 3 columns (indices 0 to 2)", error.Message);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CsvDatasetReader.Read(path, -1));
    }

    [TestMethod]
    public void Read_RaggedRows_NameTheLineAndBothCounts()
    {
        string shortRow = _folder.WriteText("short.csv", "a,b,target\n1,2,0\n1,2\n");
        string longRow = _folder.WriteText("long.csv", "1,2,0\n1,2,0,7\n");

        var shortError = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(shortRow));
        var longError = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(longRow, new CsvReadOptions { HasHeader = false }));

        Assert.AreEqual($"The CSV file '{shortRow}' has 2 fields at line 3 but the header has 3; every row needs the same number of fields.", shortError.Message);
        Assert.Contains("has 4 fields at line 2 but the first row has 3", longError.Message);
    }

    [TestMethod]
    public void Read_EmptyFile_Throws()
    {
        string path = _folder.WriteText("empty.csv", "");

        var withHeader = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path));
        var withoutHeader = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { HasHeader = false }));

        Assert.AreEqual($"The CSV file '{path}' is empty; expected a header row and at least one data row.", withHeader.Message);
        Assert.Contains("is empty; expected at least one data row", withoutHeader.Message);
    }

    [TestMethod]
    public void Read_HeaderOnly_Throws()
    {
        string path = _folder.WriteText("header.csv", "a,b,target\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path));

        Assert.Contains("has a header row but no data rows", error.Message);
    }

    [TestMethod]
    public void Read_OnlyALabelColumn_Throws()
    {
        string path = _folder.WriteText("label.csv", "target\n1\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path));

        Assert.Contains("has only one column, the label", error.Message);
    }

    [TestMethod]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        string path = Path.Combine(_folder.Path, "missing.csv");

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => CsvDatasetReader.ReadLabelLast(path));

        Assert.Contains(path, error.Message);
    }

    [TestMethod]
    public void Read_MalformedQuoting_NamesTheLine()
    {
        string path = _folder.WriteText("quotes.csv", "a,target\n1,0\n\"2\"x,1\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => CsvDatasetReader.ReadLabelLast(path));

        Assert.Contains($"The CSV file '{path}' is malformed at line 3", error.Message);
    }

    [TestMethod]
    public void Read_BadFeatureColumns_Throw()
    {
        string path = _folder.WriteText("cols.csv", "x,y,target\n1,2,0\n");

        var unknown = Assert.ThrowsExactly<ArgumentException>(() => CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { FeatureColumns = ["x", "zz"] }));
        var label = Assert.ThrowsExactly<ArgumentException>(() => CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { FeatureColumns = ["x", "target"] }));
        var repeated = Assert.ThrowsExactly<ArgumentException>(() => CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { FeatureColumns = ["x", "x"] }));
        var empty = Assert.ThrowsExactly<ArgumentException>(() => CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { FeatureColumns = [] }));
        var noHeader = Assert.ThrowsExactly<ArgumentException>(
            () => CsvDatasetReader.ReadLabelLast(path, new CsvReadOptions { HasHeader = false, FeatureColumns = ["x"] }));

        Assert.Contains("The feature column 'zz' is not in", unknown.Message);
        Assert.Contains("its columns are: x, y, target", unknown.Message);
        Assert.Contains("lists the label column 'target'", label.Message);
        Assert.Contains("lists the column 'x' more than once", repeated.Message);
        Assert.Contains("FeatureColumns is empty", empty.Message);
        Assert.Contains("needs a header row", noHeader.Message);
    }

    [TestMethod]
    public void ReadLabelLast_RepositoryIris_Has150RowsOf4FeaturesAnd3Classes()
    {
        string path = Path.Combine(RepositoryRoot(), "datasets", "iris.csv");

        Dataset data = CsvDatasetReader.ReadLabelLast(path);

        Assert.AreEqual(150, data.Count);
        Assert.AreEqual(4, data.FeatureCount);
        CollectionAssert.AreEqual(new[] { 5.1f, 3.5f, 1.4f, 0.2f }, data.FeatureRow(0).ToArray());
        Assert.AreEqual(0f, data.Labels[0]);
        CollectionAssert.AreEqual(new[] { 50, 50, 50 }, Enumerable.Range(0, 3).Select(k => data.Labels.Count(l => l == k)).ToArray());
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MLNetScratchTrainer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds MLNetScratchTrainer.sln.");
    }
}
