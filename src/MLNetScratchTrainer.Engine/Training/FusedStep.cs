using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// The optimizer's step taken inside the backward pass: between <see cref="Begin"/> and <see cref="End"/> every
/// parameter carries a <see cref="Parameter.GradientReady"/> hook, through which its layer hands over each block of the
/// gradient as soon as it is final (<see cref="Dense"/>: each block of rows of ∂L/∂W as the weight-gradient product
/// finishes it, on the thread that computed it, and ∂L/∂b once summed). The block is updated there, while it is in that
/// core's cache, instead of in a separate pass over all the weights after backward. <see cref="End"/> updates what no
/// layer handed over (batch-norm scales and shifts).
/// </summary>
/// <remarks>
/// The update rule is element-wise and each value is updated exactly once, with the gradient of the whole batch, so
/// the weights are bit-identical to a step after backward, for any number of threads. It needs the final gradient of a
/// block to be its whole gradient: with gradient clipping or coupled weight decay, which look at or change every
/// gradient first, the trainer steps after backward.
/// </remarks>
internal sealed class FusedStep
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly IFusableOptimizer _optimizer;
    private readonly RangeUpdate[] _updates;

    /// <summary>Creates the step for <paramref name="parameters"/>, always passed in this order to the optimizer.</summary>
    public FusedStep(IReadOnlyList<Parameter> parameters, IFusableOptimizer optimizer)
    {
        _parameters = parameters;
        _optimizer = optimizer;
        _updates = [.. parameters.Select((parameter, index) => new RangeUpdate(optimizer, parameter, index))];
    }

    /// <summary>Starts the step: the optimizer's step count advances and every parameter gets its hook.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Begin(float learningRate)
    {
        _optimizer.BeginStep(_parameters, learningRate);
        for (int p = 0; p < _parameters.Count; p++)
        {
            _updates[p].Updated = 0;
            _parameters[p].GradientReady = _updates[p];
        }
    }

    /// <summary>Removes the hooks, updates every parameter no layer handed over, and ends the optimizer's step.</summary>
    /// <exception cref="InvalidOperationException">A layer handed over only part of a parameter's gradient.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void End()
    {
        RemoveHooks();
        for (int p = 0; p < _parameters.Count; p++)
        {
            int length = _parameters[p].Value.Length;
            if (_updates[p].Updated == 0)
            {
                _optimizer.UpdateRange(p, 0, length);
            }
            else if (_updates[p].Updated != length)
            {
                throw new InvalidOperationException($"The backward pass handed over {_updates[p].Updated} of the {length} gradient values of '{_parameters[p].Name}'.");
            }
        }

        _optimizer.EndStep();
    }

    /// <summary>After a backward pass that failed: removes the hooks and ends the optimizer's step, updating nothing more.</summary>
    public void Abandon()
    {
        RemoveHooks();
        _optimizer.EndStep();
    }

    private void RemoveHooks()
    {
        foreach (var parameter in _parameters)
        {
            parameter.GradientReady = null;
        }
    }

    /// <summary>The hook of one parameter: updates the block of it that a region of its gradient covers.</summary>
    private sealed class RangeUpdate(IFusableOptimizer optimizer, Parameter parameter, int index) : IGemmEpilogue
    {
        private int _updated;

        /// <summary>How many values of the parameter were updated in this step.</summary>
        public int Updated
        {
            get => Volatile.Read(ref _updated);
            set => _updated = value;
        }

        public bool IsCostly => true;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void RegionDone(int rowFirst, int rowEnd, int columnFirst, int columnEnd)
        {
            int columns = parameter.Columns;
            if (columnFirst == 0 && columnEnd == columns)
            {
                optimizer.UpdateRange(index, rowFirst * columns, (rowEnd - rowFirst) * columns);
            }
            else
            {
                for (int row = rowFirst; row < rowEnd; row++)
                {
                    optimizer.UpdateRange(index, (row * columns) + columnFirst, columnEnd - columnFirst);
                }
            }

            Interlocked.Add(ref _updated, (rowEnd - rowFirst) * (columnEnd - columnFirst));
        }
    }
}
