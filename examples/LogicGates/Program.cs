using MLNetScratchTrainer.Examples.LogicGates;

return ExampleRunner.Run(
    "LogicGates",
    "the perceptron as AND, NAND and OR; why one layer cannot learn XOR and two layers can",
    args,
    LogicGatesWalkthrough.Run);
