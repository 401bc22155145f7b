using MLNetScratchTrainer.Examples.NumericalVsBackprop;

return ExampleRunner.Run(
    "NumericalVsBackprop",
    "gradients of a 784-50-10 sigmoid network computed by central differences and by backpropagation: agreement and cost",
    args,
    NumericalVsBackpropWalkthrough.Run);
