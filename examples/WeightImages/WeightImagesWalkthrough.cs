using MLNetScratchTrainer.Examples.Shared.Imaging;

namespace MLNetScratchTrainer.Examples.WeightImages;

/// <summary>
/// A dense layer's weights from the 784 pixels to one unit form a 28×28 image: red where a bright pixel raises the
/// unit's input, blue where it lowers it. The first layer of a small network learns strokes and blobs; a network with
/// no hidden layer (softmax regression) learns one template per digit.
/// </summary>
internal static class WeightImagesWalkthrough
{
    private const int HiddenUnits = 64;
    private const float WeightDecay = 1e-4f;

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        int epochs = arguments.Integer("--epochs", arguments.Smoke ? 1 : 2);
        var train = MnistData.Load(arguments, MnistPart.Train, arguments.Smoke ? 2000 : null);
        var test = MnistData.Load(arguments, MnistPart.Test, arguments.Smoke ? 1000 : null);

        var digits = new ImageGrid("The first 16 MNIST test images", Mnist.ImageSide, Mnist.ImageSide, columns: 8) { ColorMap = ColorMap.Grayscale, Scale = 3 };
        for (int row = 0; row < 16; row++)
        {
            digits.Add($"label {(int)test.Labels[row]}", test.FeatureRow(row));
        }

        digits.Save(output, "digits", "the first 16 test images, for comparison (grayscale)");

        Console.WriteLine();
        Console.WriteLine($"1. A 784-{HiddenUnits}-10 ReLU network, Adam lr 1e-3, weight decay {WeightDecay}, {epochs} epoch(s):");
        var network = Train(train, [HiddenUnits], epochs, "784-64-10");
        Console.WriteLine($"   Test accuracy {Accuracy.Of(network, test):P2}.");
        var hidden = new ImageGrid($"First-layer weights of the 784-{HiddenUnits}-10 network", Mnist.ImageSide, Mnist.ImageSide, columns: 8)
        {
            Subtitle = "each unit's 784 incoming weights as 28×28 pixels: red +, blue −, white 0; each scaled to its own largest weight",
        };
        var weights = network.GetTensor("dense0.weight");
        for (int unit = 0; unit < HiddenUnits; unit++)
        {
            hidden.AddColumn($"unit {unit + 1}", weights, HiddenUnits, unit);
        }

        hidden.Save(output, "first-layer-weights", $"the {HiddenUnits} first-layer weight images, 8 per row (red +, blue −, each scaled to its own largest weight)");
        Console.WriteLine("   Each hidden unit's 784 incoming weights, drawn as a 28×28 image: red pixels excite the unit, blue ones inhibit it.");
        Console.WriteLine("   Over the speckle of their random start (still visible after a few epochs) they show strokes and blobs spread");
        Console.WriteLine("   over the digit area, not whole digits: the next layer combines these detectors.");

        Console.WriteLine();
        Console.WriteLine($"2. Softmax regression (no hidden layer: 784 → 10), same training:");
        var regression = Train(train, [], epochs, "784-10");
        Console.WriteLine($"   Test accuracy {Accuracy.Of(regression, test):P2}.");
        var templates = new ImageGrid("Softmax regression: one template per class", Mnist.ImageSide, Mnist.ImageSide, columns: 5)
        {
            Subtitle = "the 784 weights into each class score: red +, blue −, white 0",
        };
        var classWeights = regression.GetTensor("dense0.weight");
        for (int digit = 0; digit < Mnist.ClassCount; digit++)
        {
            templates.AddColumn($"digit {digit}", classWeights, Mnist.ClassCount, digit);
        }

        templates.Save(output, "class-templates", "the ten class templates of softmax regression: 0–4 on the top row, 5–9 below");
        Console.WriteLine("   With one layer, each class score is a weighted sum of pixels, so each class gets one template: red where that");
        Console.WriteLine("   digit has ink and others do not, blue where ink argues for another digit. One template per class is all it can");
        Console.WriteLine("   learn, which is why it stops near 92 % while the hidden layer's many detectors go further.");
        Console.WriteLine($"   (Pixels blank in every image never receive a gradient; the weight decay of {WeightDecay} fades their random start.)");
    }

    private static MlpModel Train(Dataset train, int[] hiddenLayers, int epochs, string label)
    {
        var options = new MlpTrainerOptions
        {
            HiddenLayers = hiddenLayers,
            LearningRate = 1e-3f,
            WeightDecay = WeightDecay,
            BatchSize = 128,
            NumberOfEpochs = epochs,
            Seed = 1,
        };
        return ProgressDisplay.Run($"   {label}", "batch", progress =>
        {
            progress.Attach(options);
            return new MlpTrainer(options).Fit(train);
        });
    }
}
