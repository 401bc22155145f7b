using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Tests.Data;

[TestClass]
public sealed class MnistTests : IDisposable
{
    private const int Pixels = 28 * 28;
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [TestMethod]
    public void Load_GzippedTrainingFiles_ScalesPixelsAndKeepsLabels()
    {
        WriteImages("train-images-idx3-ubyte.gz", 3, gzip: true);
        WriteLabels("train-labels-idx1-ubyte.gz", [7, 0, 9], gzip: true);

        Dataset data = Mnist.Load(_folder.Path, MnistPart.Train);

        Assert.AreEqual(3, data.Count);
        Assert.AreEqual(784, data.FeatureCount);
        Assert.AreEqual(Mnist.FeatureCount, data.FeatureCount);
        CollectionAssert.AreEqual(new[] { 7f, 0f, 9f }, data.Labels);
        byte[] pixels = ImagePixels(3);
        for (int i = 0; i < pixels.Length; i++)
        {
            Assert.AreEqual(pixels[i] / 255f, data.Features[i]);
        }

        Assert.AreEqual(0f, data.FeatureRow(0)[0]);
        Assert.AreEqual(1f, data.FeatureRow(0)[255]);
        Assert.AreEqual(0.2f, data.FeatureRow(0)[51], 1e-7f);
    }

    [TestMethod]
    public void Load_RawTestFiles_UsesTheT10kNames()
    {
        WriteImages("t10k-images-idx3-ubyte", 3, gzip: false);
        WriteLabels("t10k-labels-idx1-ubyte", [1, 2, 3], gzip: false);

        Dataset data = Mnist.Load(_folder.Path, MnistPart.Test);

        Assert.AreEqual(3, data.Count);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, data.Labels);
        Assert.ThrowsExactly<FileNotFoundException>(() => Mnist.Load(_folder.Path, MnistPart.Train));
    }

    [TestMethod]
    public void Load_MaxRows_LoadsOnlyTheFirstRows()
    {
        WriteImages("train-images-idx3-ubyte.gz", 3, gzip: true);
        WriteLabels("train-labels-idx1-ubyte.gz", [7, 0, 9], gzip: true);

        Dataset firstTwo = Mnist.Load(_folder.Path, MnistPart.Train, maxRows: 2);
        Dataset all = Mnist.Load(_folder.Path, MnistPart.Train, maxRows: 100);

        Assert.AreEqual(2, firstTwo.Count);
        CollectionAssert.AreEqual(new[] { 7f, 0f }, firstTwo.Labels);
        CollectionAssert.AreEqual(all.Features.AsSpan(0, 2 * Pixels).ToArray(), firstTwo.Features);
        Assert.AreEqual(3, all.Count);
    }

    [TestMethod]
    public void Load_NonPositiveMaxRows_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Mnist.Load(_folder.Path, MnistPart.Train, maxRows: 0));
    }

    [TestMethod]
    public void Load_CountMismatch_NamesBothFiles()
    {
        string images = WriteImages("train-images-idx3-ubyte.gz", 3, gzip: true);
        string labels = WriteLabels("train-labels-idx1-ubyte.gz", [7, 0], gzip: true);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Mnist.Load(_folder.Path, MnistPart.Train));

        Assert.Contains($"'{images}' holds 3 images", error.Message);
        Assert.Contains($"'{labels}' holds 2 labels", error.Message);
        Assert.Contains("must agree", error.Message);
    }

    [TestMethod]
    public void Load_ImagesThatAreNot28By28_Throws()
    {
        string images = _folder.Write("train-images-idx3-ubyte", IdxFiles.Build([3, 27, 28], new byte[3 * 27 * 28]));
        WriteLabels("train-labels-idx1-ubyte", [7, 0, 9], gzip: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Mnist.Load(_folder.Path, MnistPart.Train));

        Assert.Contains(images, error.Message);
        Assert.Contains("has dimensions 3x27x28; expected N x 28 x 28", error.Message);
    }

    [TestMethod]
    public void Load_LabelsWithTwoDimensions_Throws()
    {
        WriteImages("train-images-idx3-ubyte", 3, gzip: false);
        string labels = _folder.Write("train-labels-idx1-ubyte", IdxFiles.Build([3, 1], [7, 0, 9]));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Mnist.Load(_folder.Path, MnistPart.Train));

        Assert.Contains(labels, error.Message);
        Assert.Contains("has dimensions 3x1; expected one dimension", error.Message);
    }

    [TestMethod]
    public void Load_LabelThatIsNotADigit_Throws()
    {
        WriteImages("train-images-idx3-ubyte", 3, gzip: false);
        string labels = WriteLabels("train-labels-idx1-ubyte", [7, 10, 9], gzip: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Mnist.Load(_folder.Path, MnistPart.Train));

        Assert.Contains(labels, error.Message);
        Assert.Contains("has label 10 at row 1; labels must be digits 0 to 9", error.Message);
    }

    [TestMethod]
    public void Load_InvalidIdxFile_ReportsTheIdxProblem()
    {
        _folder.Write("train-images-idx3-ubyte", IdxFiles.Build([3, 28, 28], new byte[10]));
        WriteLabels("train-labels-idx1-ubyte", [7, 0, 9], gzip: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Mnist.Load(_folder.Path, MnistPart.Train));

        Assert.Contains("is truncated", error.Message);
    }

    [TestMethod]
    public void Load_MissingFile_SaysWhereToGetIt()
    {
        WriteImages("train-images-idx3-ubyte.gz", 3, gzip: true);

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => Mnist.Load(_folder.Path, MnistPart.Train));

        Assert.Contains("'train-labels-idx1-ubyte' (or 'train-labels-idx1-ubyte.gz') is not in", error.Message);
        Assert.Contains(_folder.Path, error.Message);
        Assert.Contains(Mnist.MissingFilesMessage, error.Message);
    }

    [TestMethod]
    public void Load_MissingFolder_Throws()
    {
        string folder = Path.Combine(_folder.Path, "nowhere");

        var error = Assert.ThrowsExactly<DirectoryNotFoundException>(() => Mnist.Load(folder, MnistPart.Test));

        Assert.Contains(folder, error.Message);
        Assert.Contains("MNIST_DIR", error.Message);
    }

    [TestMethod]
    public void MissingFilesMessage_NamesTheSourceTheFilesAndBothWaysToPointAtThem()
    {
        Assert.Contains("http://yann.lecun.com/exdb/mnist/", Mnist.MissingFilesMessage);
        Assert.Contains("mirror", Mnist.MissingFilesMessage);
        Assert.Contains("train-images-idx3-ubyte.gz", Mnist.MissingFilesMessage);
        Assert.Contains("t10k-labels-idx1-ubyte.gz", Mnist.MissingFilesMessage);
        Assert.Contains("argument", Mnist.MissingFilesMessage);
        Assert.Contains("MNIST_DIR", Mnist.MissingFilesMessage);
    }

    [TestMethod]
    public void ResolveDirectory_PrefersTheArgument()
    {
        Assert.AreEqual("given", Mnist.ResolveDirectory("given"));
        Assert.AreEqual("given", Mnist.ResolveDirectory("given", "from-environment", [_folder.Path]));
    }

    [TestMethod]
    public void ResolveDirectory_WithoutArgument_UsesTheEnvironmentValue()
    {
        Assert.AreEqual("from-environment", Mnist.ResolveDirectory(null, "from-environment", [_folder.Path]));
        Assert.AreEqual("from-environment", Mnist.ResolveDirectory(" ", "from-environment", [_folder.Path]));
    }

    [TestMethod]
    public void ResolveDirectory_FindsSharedDatasetsInAnAncestor()
    {
        string mnist = Directory.CreateDirectory(Path.Combine(_folder.Path, "shared", "datasets", "mnist")).FullName;
        string deep = Directory.CreateDirectory(Path.Combine(_folder.Path, "a", "b", "c")).FullName;

        Assert.AreEqual(mnist, Mnist.ResolveDirectory(null, null, [deep]));
        Assert.AreEqual(mnist, Mnist.ResolveDirectory(null, "", [_folder.Path]));
    }

    [TestMethod]
    public void ResolveDirectory_FindsSharedDatasetsBesideTheRepository()
    {
        string mnist = Directory.CreateDirectory(Path.Combine(_folder.Path, "shared", "datasets", "mnist")).FullName;
        string binFolder = Directory.CreateDirectory(Path.Combine(_folder.Path, "main", "tests", "bin")).FullName;
        string unrelated = Directory.CreateDirectory(_folder.Path + "-elsewhere").FullName;
        try
        {
            Assert.AreEqual(mnist, Mnist.ResolveDirectory(null, null, [unrelated, binFolder]));
        }
        finally
        {
            Directory.Delete(unrelated);
        }
    }

    [TestMethod]
    public void ResolveDirectory_NothingFound_ReturnsNull()
    {
        string deep = Directory.CreateDirectory(Path.Combine(_folder.Path, "a", "b")).FullName;

        Assert.IsNull(Mnist.ResolveDirectory(null, null, [deep]));
    }

    private static byte[] ImagePixels(int count)
    {
        byte[] pixels = new byte[count * Pixels];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i % 256);
        }

        return pixels;
    }

    private string WriteImages(string name, int count, bool gzip)
    {
        byte[] content = IdxFiles.Build([count, 28, 28], ImagePixels(count));
        return _folder.Write(name, gzip ? IdxFiles.Gzip(content) : content);
    }

    private string WriteLabels(string name, byte[] labels, bool gzip)
    {
        byte[] content = IdxFiles.Build([labels.Length], labels);
        return _folder.Write(name, gzip ? IdxFiles.Gzip(content) : content);
    }
}
