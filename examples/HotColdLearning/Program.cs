using MLNetScratchTrainer.Examples.HotColdLearning;

return ExampleRunner.Run(
    "HotColdLearning",
    "learning one weight by trying a step either way (hot and cold) versus gradient descent, and why a learning rate is needed",
    args,
    HotColdWalkthrough.Run);
