using MLNetScratchTrainer.Examples.HotColdLearning;
using MLNetScratchTrainer.Examples.Shared;

return ExampleRunner.Run(
    "HotColdLearning",
    "learning one weight by trying a step either way (hot and cold) versus gradient descent, and why a learning rate is needed",
    args,
    HotColdWalkthrough.Run);
