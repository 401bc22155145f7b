using MLNetScratchTrainer.Examples.Overfitting;

return ExampleRunner.Run(
    "Overfitting",
    "a deep network memorises 300 MNIST images; weight decay and dropout narrow the gap between train and test accuracy",
    args,
    OverfittingWalkthrough.Run,
    new IntegerOption("--epochs", "passes over the 300 training images (default 200; 5 with --smoke)"));
