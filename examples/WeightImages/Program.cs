using MLNetScratchTrainer.Examples.WeightImages;

return ExampleRunner.Run(
    "WeightImages",
    "what a network learned, drawn: first-layer weights of a 784-64-10 network and the ten class templates of softmax regression",
    args,
    WeightImagesWalkthrough.Run,
    new IntegerOption("--epochs", "passes over the training images for each model (default 2; 1 with --smoke)"));
