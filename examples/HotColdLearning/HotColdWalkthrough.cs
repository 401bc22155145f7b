namespace MLNetScratchTrainer.Examples.HotColdLearning;

/// <summary>
/// Grokking Deep Learning, chapter 4: hot and cold learning versus gradient descent on one weight, then
/// gradient descent diverging when the input is large and converging again with a learning rate (alpha).
/// </summary>
internal static class HotColdWalkthrough
{
    private const int HotColdIterations = 1101;
    private const int DescentIterations = 20;

    /// <summary>Runs the walkthrough; it takes milliseconds, so a smoke run is the same as a full one.</summary>
    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        var small = new OneWeightProblem(Input: 0.5, Goal: 0.8, StartWeight: 0.5);
        Console.WriteLine();
        Console.WriteLine($"Goal: learn w so that {small.Input} × w = {small.Goal} (the answer is w = {small.Goal / small.Input}), starting from w = {small.StartWeight}.");

        Console.WriteLine();
        Console.WriteLine($"1. Hot and cold learning, step 0.001, {HotColdIterations} iterations (3 predictions each); every 100th row shown:");
        var hotCold = small.HotAndCold(step: 0.001, HotColdIterations);
        Print(hotCold, row => row.Iteration <= 3 || row.Iteration % 100 == 0 || row.Iteration == HotColdIterations);
        Console.WriteLine("   It gets there, slowly: the step is fixed, so it needs (1.6 - 0.5) / 0.001 = 1100 iterations, and near the goal");
        Console.WriteLine("   it can only flutter within one step of it. It also knows the direction only by trying both.");

        Console.WriteLine();
        Console.WriteLine($"2. Gradient descent, weight -= delta × input with delta = prediction - goal, {DescentIterations} iterations:");
        var descent = small.GradientDescent(alpha: 1, DescentIterations);
        Print(descent, _ => true);
        Console.WriteLine("   delta × input is both the direction and the size of the step: large when far off, small near the goal.");

        var large = small with { Input = 2 };
        Console.WriteLine();
        Console.WriteLine($"3. The same with input {large.Input} (goal {large.Goal}, start w = {large.StartWeight}): the step delta × input overshoots");
        Console.WriteLine("   by more than it corrects, so each iteration lands farther on the other side (the error grows 9× per iteration):");
        var diverging = large.GradientDescent(alpha: 1, DescentIterations);
        Print(diverging, _ => true);

        Console.WriteLine();
        Console.WriteLine("4. A learning rate alpha = 0.1 scales every step down: weight -= alpha × delta × input. Now it converges:");
        var damped = large.GradientDescent(alpha: 0.1, DescentIterations);
        Print(damped, _ => true);

        CheckConverged("Hot and cold learning", hotCold);
        CheckConverged("Gradient descent", descent);
        CheckConverged("Gradient descent with input 2 and alpha 0.1", damped);
        Check.That(diverging[^1].Error > 1e6 * diverging[0].Error, "Gradient descent with input 2 and alpha 1 did not diverge.");

        new LineChart("Learning one weight: hot and cold versus gradient descent", "iteration", "squared error") { LogY = true, YMinimum = 1e-8 }
            .Add(Series("hot and cold (step 0.001)", hotCold))
            .Add(Series("gradient descent (alpha 1)", descent))
            .Save(output, "hot-cold-vs-gradient-descent", "error per iteration, hot and cold versus gradient descent (input 0.5)");
        new LineChart("Input 2: gradient descent diverges without a learning rate", "iteration", "squared error") { LogY = true }
            .Add(Series("alpha 1 (diverges)", diverging))
            .Add(Series("alpha 0.1 (converges)", damped))
            .Save(output, "divergence", "error per iteration with input 2, alpha 1 versus alpha 0.1");
    }

    private static void CheckConverged(string method, List<LearningStep> steps) =>
        Check.That(steps[^1].Error < 1e-3 * steps[0].Error, $"{method} ended with error {steps[^1].Error}, not near zero.");

    private static ChartSeries Series(string name, List<LearningStep> steps) =>
        new(name, [.. steps.Select(s => (double)s.Iteration)], [.. steps.Select(s => s.Error)]);

    private static void Print(List<LearningStep> steps, Func<LearningStep, bool> shown)
    {
        var table = new TextTable("iteration", "weight", "prediction", "error", "weight change");
        foreach (var step in steps.Where(shown))
        {
            table.AddRow($"{step.Iteration}", Format(step.Weight), Format(step.Prediction), Format(step.Error), Format(step.Change));
        }

        table.Write();
    }

    private static string Format(double value) => Math.Abs(value) is > 0 and (< 1e-4 or >= 1e6) ? value.ToString("0.000e+0") : value.ToString("0.000000");
}
