using System.Text;
using MLNetScratchTrainer.Examples.Shared.Imaging;

namespace MLNetScratchTrainer.Examples.Tests.Imaging;

[TestClass]
public sealed class Crc32Tests
{
    [TestMethod]
    public void MatchesTheStandardCheckValue()
    {
        // The check value of CRC-32/ISO-HDLC for the ASCII digits 1 to 9.
        Assert.AreEqual(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [TestMethod]
    public void MatchesABitwiseComputationOnRandomBytes()
    {
        var random = new Random(7);
        foreach (int length in new[] { 0, 1, 13, 1000 })
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.AreEqual(PngFile.BitwiseCrc32(data), Crc32.Compute(data), $"length {length}");
        }
    }

    [TestMethod]
    public void AppendingInPiecesEqualsComputingAtOnce()
    {
        byte[] data = Encoding.ASCII.GetBytes("IHDR and some data");
        uint register = Crc32.Append(Crc32.Append(Crc32.Start, data.AsSpan(0, 4)), data.AsSpan(4));
        Assert.AreEqual(Crc32.Compute(data), Crc32.Finish(register));
    }
}
