using MLNetScratchTrainer.Examples.OnnxServing;

// The same program is the ONNX scoring server when started with --serve-onnx (the walkthrough starts it that way, in a fresh process).
if (args.Length > 0 && args[0] == OnnxScoringProcess.ServeFlag)
{
    return OnnxScoringProcess.Serve(args);
}

return ExampleRunner.Run(
    "OnnxServing",
    "train an Mlp pipeline on the digits, export it to ONNX, score the file with ONNX Runtime in a fresh process: agreement and per-row latency",
    args,
    OnnxServingWalkthrough.Run);
