namespace MLNetScratchTrainer.Examples.HotColdLearning;

/// <summary>
/// The smallest neural network of Trask's "Grokking Deep Learning": one input, one weight, prediction = input × weight,
/// error = (prediction − goal)². Two ways to learn the weight are written out.
/// </summary>
internal sealed record OneWeightProblem(double Input, double Goal, double StartWeight)
{
    public double Predict(double weight) => Input * weight;

    public double Error(double weight) => Math.Pow(Predict(weight) - Goal, 2);

    /// <summary>
    /// Hot and cold learning: try the weight a step up and a step down, keep whichever predicts better. Three
    /// predictions per iteration, a fixed step, no idea how far off it is, only which way is warmer.
    /// </summary>
    public List<LearningStep> HotAndCold(double step, int iterations)
    {
        var steps = new List<LearningStep>();
        double weight = StartWeight;
        for (int i = 1; i <= iterations; i++)
        {
            double upError = Error(weight + step), downError = Error(weight - step);
            double change = downError < upError ? -step : downError > upError ? step : 0;
            steps.Add(new LearningStep(i, weight, Predict(weight), Error(weight), change));
            weight += change;
        }

        return steps;
    }

    /// <summary>
    /// Gradient descent: delta = prediction − goal says how far off and which way; the derivative of the error
    /// with respect to the weight is 2·delta·input, and the book's update drops the 2: weight −= alpha·delta·input.
    /// </summary>
    public List<LearningStep> GradientDescent(double alpha, int iterations)
    {
        var steps = new List<LearningStep>();
        double weight = StartWeight;
        for (int i = 1; i <= iterations; i++)
        {
            double delta = Predict(weight) - Goal;
            double change = -alpha * delta * Input;
            steps.Add(new LearningStep(i, weight, Predict(weight), Error(weight), change));
            weight += change;
        }

        return steps;
    }
}
