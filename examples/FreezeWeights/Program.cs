using MLNetScratchTrainer.Examples.FreezeWeights;

return ExampleRunner.Run(
    "FreezeWeights",
    "one shared error trains every weight: freeze one and the others still drive the error to zero",
    args,
    FreezeWeightsWalkthrough.Run);
