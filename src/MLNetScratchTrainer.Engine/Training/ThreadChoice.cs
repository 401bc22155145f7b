using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Chooses, while training runs, between the worker pool and the calling thread alone (<see cref="WorkerPool.RunsOnCaller"/>):
/// whichever is faster per step. A small network's products take a few microseconds, and handing half of one to another
/// core, which then reads rows the first core's share left in its cache, can cost more than it saves, depending on the
/// network, the batch and how busy the machine is. Since the results do not depend on the thread count, the choice is
/// free to follow the clock: after <see cref="WarmUpSteps"/> steps (the JIT's), every <see cref="CycleSteps"/> steps
/// begin with a trial of <see cref="TrialSteps"/> steps in blocks of <see cref="StepsPerBlock"/>, alone and pooled in
/// turn, and the rest of the cycle runs the way whose median step was shorter (the pool when they tie). The first step
/// of a block is not counted: it pays for the switch (the workers wake up, the other core's cache is cold).
/// </summary>
internal sealed class ThreadChoice(WorkerPool pool)
{
    /// <summary>Steps before the first trial, pooled: long enough for the JIT to have optimised the step's code.</summary>
    public const int WarmUpSteps = 128;

    /// <summary>Steps of a block of a trial, all run the same way.</summary>
    public const int StepsPerBlock = 8;

    /// <summary>Steps of a trial: six blocks each way.</summary>
    public const int TrialSteps = 12 * StepsPerBlock;

    /// <summary>Steps from one trial to the next (the machine's load changes).</summary>
    public const int CycleSteps = 1_000;

    private readonly List<double> _alone = [], _pooled = [];
    private int _step;

    /// <summary>Sets how the coming step runs: during a trial, the turn of its block; otherwise as last chosen.</summary>
    public void BeforeStep()
    {
        if (TrialPosition is int position)
        {
            pool.RunsOnCaller = position / StepsPerBlock % 2 == 0;
        }
    }

    /// <summary>Records the step just run (<paramref name="seconds"/> long); at the end of a trial, chooses.</summary>
    public void AfterStep(double seconds)
    {
        if (TrialPosition is int position)
        {
            if (position % StepsPerBlock > 0)
            {
                (pool.RunsOnCaller ? _alone : _pooled).Add(seconds);
            }

            if (position == TrialSteps - 1)
            {
                pool.RunsOnCaller = Median(_alone) < Median(_pooled);
                _alone.Clear();
                _pooled.Clear();
            }
        }

        _step++;
    }

    /// <summary>The coming step's place in a trial, or null outside one.</summary>
    private int? TrialPosition
    {
        get
        {
            int sinceWarmUp = _step - WarmUpSteps;
            return sinceWarmUp >= 0 && sinceWarmUp % CycleSteps < TrialSteps ? sinceWarmUp % CycleSteps : null;
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
