using MLNetScratchTrainer.Examples.MnistEngine;

return ExampleRunner.Run(
    "MnistEngine",
    "MNIST with the engine alone: a 784-256-128-10 ReLU network, Adam, live progress, test accuracy, save and reload",
    args,
    MnistEngineWalkthrough.Run,
    new IntegerOption("--epochs", "passes over the training images (default 5; 1 with --smoke)"));
