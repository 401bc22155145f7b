using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class ThreadChoiceTests
{
    [TestMethod]
    [DataRow(1.0, 2.0, true)] // the calling thread alone takes half the time
    [DataRow(2.0, 1.0, false)] // the pool does
    [DataRow(1.0, 1.0, false)] // a tie keeps the pool
    public void Trial_ChoosesTheFasterWayForTheRestOfTheCycle(double alone, double pooled, bool expectAlone)
    {
        using var pool = new WorkerPool(2);
        var choice = new ThreadChoice(pool);
        var ways = new List<bool>();

        Steps(choice, pool, ThreadChoice.WarmUpSteps + ThreadChoice.TrialSteps + 100, alone, pooled, ways);

        Assert.IsTrue(ways.Take(ThreadChoice.WarmUpSteps).All(onCaller => !onCaller), "the warm-up is pooled");
        var trial = ways.Skip(ThreadChoice.WarmUpSteps).Take(ThreadChoice.TrialSteps).ToList();
        Assert.AreEqual(ThreadChoice.TrialSteps / 2, trial.Count(onCaller => onCaller), "half the trial's steps run alone");
        Assert.IsTrue(ways.Skip(ThreadChoice.WarmUpSteps + ThreadChoice.TrialSteps).All(onCaller => onCaller == expectAlone), "after the trial, the faster way");
    }

    [TestMethod]
    public void NextCycle_TriesAgainAndFollowsTheMachine()
    {
        // The calling thread alone is faster at first; by the second trial the pool is.
        using var pool = new WorkerPool(2);
        var choice = new ThreadChoice(pool);
        var ways = new List<bool>();

        Steps(choice, pool, ThreadChoice.WarmUpSteps + ThreadChoice.CycleSteps, alone: 1.0, pooled: 2.0, ways);
        Assert.IsTrue(pool.RunsOnCaller, "the first cycle runs alone");
        Steps(choice, pool, ThreadChoice.TrialSteps + 10, alone: 2.0, pooled: 1.0, ways);

        Assert.IsFalse(pool.RunsOnCaller, "the second trial chose the pool");
    }

    /// <summary>Runs <paramref name="count"/> steps, each as long as the way the choice set for it takes.</summary>
    private static void Steps(ThreadChoice choice, WorkerPool pool, int count, double alone, double pooled, List<bool> ways)
    {
        for (int i = 0; i < count; i++)
        {
            choice.BeforeStep();
            ways.Add(pool.RunsOnCaller);
            choice.AfterStep(pool.RunsOnCaller ? alone : pooled);
        }
    }
}
