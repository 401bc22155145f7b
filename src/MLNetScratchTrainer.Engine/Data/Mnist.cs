namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// Loads the MNIST handwritten digits from the four original IDX files (gzipped or not) into a
/// <see cref="Dataset"/>: 784 features per image scaled to [0, 1], the digit 0–9 as label.
/// </summary>
public static class Mnist
{
    /// <summary>Side of an image in pixels.</summary>
    public const int ImageSide = 28;

    /// <summary>Features per image: <see cref="ImageSide"/> squared.</summary>
    public const int FeatureCount = ImageSide * ImageSide;

    /// <summary>Number of classes (the digits 0–9).</summary>
    public const int ClassCount = 10;

    /// <summary>The environment variable <see cref="ResolveDirectory(string?)"/> reads when no folder is given.</summary>
    public const string EnvironmentVariable = "MNIST_DIR";

    /// <summary>What to tell a user when the MNIST files cannot be found.</summary>
    public const string MissingFilesMessage =
        "MNIST needs the four files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
        + "t10k-labels-idx1-ubyte.gz (gzipped or not) in one folder. Download them from http://yann.lecun.com/exdb/mnist/ "
        + "or any mirror, then pass that folder as an argument or set the " + EnvironmentVariable + " environment variable to it.";

    private const int LabelsRank = 1;
    private const int ImagesRank = 3;

    /// <summary>Loads one part of MNIST.</summary>
    /// <param name="directory">The folder holding the files <c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>,
    /// <c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c>, each with or without <c>.gz</c>.</param>
    /// <param name="part">Training or test images.</param>
    /// <param name="maxRows">When given, loads only the first this many images (for smoke runs).</param>
    /// <returns>Features are pixel / 255 (row-major 28×28, <see cref="FeatureCount"/> per row); labels are the class index.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file of the part is missing; the message says where to get it.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is not a valid IDX file (see <see cref="IdxReader"/>), the images are not N×28×28, the labels not one
    /// dimension, the two counts disagree (the message names both files) or a label is not a digit.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is zero or negative.</exception>
    public static Dataset Load(string directory, MnistPart part, int? maxRows = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (maxRows is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "maxRows must be positive when given.");
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The MNIST folder '{directory}' does not exist. {MissingFilesMessage}");
        }

        string prefix = part switch
        {
            MnistPart.Train => "train",
            MnistPart.Test => "t10k",
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown MNIST part."),
        };
        string imagesPath = FindFile(directory, $"{prefix}-images-idx3-ubyte");
        string labelsPath = FindFile(directory, $"{prefix}-labels-idx1-ubyte");

        IReadOnlyList<int> imageDimensions = IdxReader.ReadDimensions(imagesPath);
        if (imageDimensions.Count != ImagesRank || imageDimensions[1] != ImageSide || imageDimensions[2] != ImageSide)
        {
            throw new InvalidDataException(
                $"The MNIST images file '{imagesPath}' has dimensions {IdxReader.Describe(imageDimensions)}; expected N x {ImageSide} x {ImageSide}.");
        }

        IReadOnlyList<int> labelDimensions = IdxReader.ReadDimensions(labelsPath);
        if (labelDimensions.Count != LabelsRank)
        {
            throw new InvalidDataException(
                $"The MNIST labels file '{labelsPath}' has dimensions {IdxReader.Describe(labelDimensions)}; expected one dimension (one label per image).");
        }

        if (imageDimensions[0] != labelDimensions[0])
        {
            throw new InvalidDataException(
                $"The MNIST images file '{imagesPath}' holds {imageDimensions[0]} images but the labels file '{labelsPath}' holds {labelDimensions[0]} labels; "
                + "the counts must agree (are both files from the same part of MNIST?).");
        }

        float[] labels = ReadLabels(labelsPath, maxRows);
        float[] features = ReadPixels(imagesPath, maxRows);
        return new Dataset(features, FeatureCount, labels);
    }

    /// <summary>
    /// Finds the MNIST folder: <paramref name="argument"/> when given, else the <see cref="EnvironmentVariable"/>
    /// environment variable, else the first <c>shared/datasets/mnist</c> folder found in the current directory,
    /// the application's base directory, or any of their ancestors (so a <c>shared</c> folder next to the
    /// repository is found too).
    /// </summary>
    /// <param name="argument">A folder named by the user, such as a command-line argument; null or blank when none.</param>
    /// <returns>The folder, or null when none was given and none was found; a given folder is returned unchecked.</returns>
    public static string? ResolveDirectory(string? argument) =>
        ResolveDirectory(
            argument,
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>The logic of <see cref="ResolveDirectory(string?)"/> without its process-wide inputs.</summary>
    internal static string? ResolveDirectory(string? argument, string? environmentValue, IEnumerable<string> searchStarts)
    {
        if (!string.IsNullOrWhiteSpace(argument))
        {
            return argument;
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return environmentValue;
        }

        foreach (string start in searchStarts)
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "shared", "datasets", "mnist");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string FindFile(string directory, string name)
    {
        string raw = Path.Combine(directory, name);
        if (File.Exists(raw))
        {
            return raw;
        }

        string gzipped = raw + ".gz";
        if (File.Exists(gzipped))
        {
            return gzipped;
        }

        throw new FileNotFoundException($"The MNIST file '{name}' (or '{name}.gz') is not in '{directory}'. {MissingFilesMessage}", gzipped);
    }

    private static float[] ReadLabels(string path, int? maxRows)
    {
        byte[] digits = IdxReader.Read(path, maxRows).Data;
        int bad = Array.FindIndex(digits, d => d >= ClassCount);
        if (bad >= 0)
        {
            throw new InvalidDataException(
                $"The MNIST labels file '{path}' has label {digits[bad]} at row {bad}; labels must be digits 0 to {ClassCount - 1}.");
        }

        float[] labels = new float[digits.Length];
        for (int i = 0; i < digits.Length; i++)
        {
            labels[i] = digits[i];
        }

        return labels;
    }

    private static float[] ReadPixels(string path, int? maxRows) => IdxReader.ReadAsFloats(path, 255f, maxRows).Values;
}
