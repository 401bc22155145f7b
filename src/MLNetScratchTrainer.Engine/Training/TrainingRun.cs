using System.Diagnostics;
using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// One call of <c>MlpTrainer.Fit</c>: the epochs of mini-batches, in memory or streamed (see <see cref="IEpochBatches"/>). Each batch is <see cref="TrainBatch"/> (forward,
/// loss, backward, step); each epoch ends with <see cref="EndEpoch"/> (validation, best epoch, early stopping, record).
/// </summary>
internal sealed class TrainingRun
{
    private readonly MlpTrainerOptions _options;
    private readonly Network _network;
    private readonly SparseInputNetwork? _sparseNetwork;
    private readonly MlpTask _task;
    private readonly IEpochBatches _batches;
    private readonly EvaluationRows _validation;
    private readonly BatchBuffer _batch;
    private readonly Evaluator _evaluator;
    private readonly IOptimizer _optimizer;
    /// <summary>The optimizer's step taken inside the backward pass, or null to step after it (see <see cref="FusedStep"/>).</summary>
    private readonly FusedStep? _fusedStep;
    /// <summary>Whether the pool or the calling thread alone runs the steps, by the clock, or null when the thread count was set (see <see cref="ThreadChoice"/>).</summary>
    private readonly ThreadChoice? _threadChoice;
    private readonly LearningRateSchedule _schedule;
    private readonly int _epochCount;
    private readonly int _patience;
    private readonly Stopwatch _clock = new();
    private readonly List<EpochRecord> _epochs = [];
    /// <summary>The weights the model will hold: the best validation epoch's, or (see <see cref="KeepsBest"/>) the last completed epoch's.</summary>
    private readonly WeightSnapshot _best;
    /// <summary>The moving average of the weights that is validated and kept instead of the trained weights, or null (see <see cref="MlpTrainerOptions.WeightAveragingEpochs"/>).</summary>
    private readonly WeightAverage? _average;
    private double _bestScore = double.NegativeInfinity;
    private double _bestLoss = double.PositiveInfinity;
    private int _bestEpoch;
    private int _epochsWithoutImprovement;

    /// <remarks>A sparse data set trains through <paramref name="sparseNetwork"/>, which shares the network's weights.</remarks>
    /// <param name="options">The run's options.</param>
    /// <param name="network">The network, initialised.</param>
    /// <param name="sparseNetwork">The sparse-input view of the network for sparse rows, or null.</param>
    /// <param name="pool">The worker pool of the optimizer, or null for one thread.</param>
    /// <param name="task">The task.</param>
    /// <param name="preprocessor">The model's input preprocessing, applied as batches are gathered.</param>
    /// <param name="batches">Where the training batches come from.</param>
    /// <param name="batchSize">Rows per batch.</param>
    /// <param name="labelWidth">Label values per row.</param>
    /// <param name="validation">The rows validated on after every epoch.</param>
    public TrainingRun(MlpTrainerOptions options, Network network, SparseInputNetwork? sparseNetwork, WorkerPool? pool, MlpTask task, InputPreprocessor? preprocessor, IEpochBatches batches, int batchSize, int labelWidth, EvaluationRows validation)
    {
        _options = options;
        _network = network;
        _sparseNetwork = sparseNetwork;
        _task = task;
        _batches = batches;
        _validation = validation;
        bool sparse = sparseNetwork is not null;
        _epochCount = options.NumberOfEpochsFor(batches.Rows, sparse);
        _patience = options.EarlyStoppingPatienceFor(batches.Rows);
        _batch = new BatchBuffer(batchSize, network.InputSize, labelWidth, preprocessor, sparse, pool);
        _evaluator = new Evaluator(network, sparseNetwork, task, options.BinaryValidationMetric, new BatchBuffer(Math.Max(batchSize, 256), network.InputSize, labelWidth, preprocessor, sparse, pool));
        _optimizer = OptimizerFactory.Create(options.Optimizer, options.OptimizerSettings, options.WeightDecay, pool);
        _fusedStep = !sparse && !RegularizesGradients && _optimizer is IFusableOptimizer fusable ? new FusedStep(network.Parameters, fusable) : null;
        foreach (var activation in network.Layers.OfType<ActivationLayer>())
        {
            activation.Pool = pool;    // each thread activates the rows its share of the product left in its cache
        }

        _threadChoice = pool is not null && options.NumberOfThreads is null ? new ThreadChoice(pool) : null;
        _schedule = options.ScheduleFor(_epochCount);
        _best = new WeightSnapshot(network);
        int batchesPerEpoch = (batches.Rows + batchSize - 1) / batchSize;
        _average = options.WeightAveragingEpochs > 0 && !sparse ? new WeightAverage(network, WeightAverage.DecayFor(options.WeightAveragingEpochs, batchesPerEpoch)) : null;
    }

    /// <summary>Whether the model returns the best validation epoch's weights rather than the last.</summary>
    private bool KeepsBest => _validation.Rows.Length > 0 && (_options.KeepBestEpoch || _patience > 0);

    public TrainingHistory Execute(CancellationToken cancellationToken)
    {
        int batchSize = _batch.Capacity;
        int batches = (_batches.Rows + batchSize - 1) / batchSize;
        _clock.Start();
        for (int epoch = 0; epoch < _epochCount; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            float rate = _schedule.RateAt(epoch, _options.LearningRate);
            _batches.StartEpoch();

            double lossSum = 0;
            int trained = 0;
            bool timeUp = false;
            for (int b = 0; b < batches && !timeUp; b++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return Finish(StopReason.Cancelled);
                }

                _threadChoice?.BeforeStep();
                long stepStart = Stopwatch.GetTimestamp();
                int rows = _batches.NextBatch(_batch);
                lossSum += TrainBatch(rate, epoch, b) * rows;
                _threadChoice?.AfterStep(Stopwatch.GetElapsedTime(stepStart).TotalSeconds);
                trained += rows;
                _options.BatchCompleted?.Invoke(epoch + 1, b + 1, batches);
                timeUp = _clock.Elapsed >= _options.MaximumTrainingTime;
            }

            bool stop = EndEpoch(epoch, lossSum / trained, rate, epochClock.Elapsed);
            if (timeUp)
            {
                return Finish(StopReason.TimeLimit);
            }

            if (stop)
            {
                return Finish(StopReason.EarlyStopped);
            }
        }

        return Finish(StopReason.Completed);
    }

    /// <summary>One optimisation step on one mini-batch; returns its mean loss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TrainBatch(float rate, int epoch, int batchIndex)
    {
        double loss = _sparseNetwork?.ForwardLoss(_batch.SparseFeatures!, _batch.Labels, _batch.Weights) ?? _network.ForwardLoss(_batch.Features, _batch.Labels, _batch.Weights);
        if (!double.IsFinite(loss))
        {
            throw new TrainingDivergedException(
                $"Training diverged at epoch {epoch + 1}, batch {batchIndex + 1}: the loss became {loss}. " +
                $"Lower the learning rate (it was {rate}), standardise the features, or set GradientClipNorm.");
        }

        if (_fusedStep is not null)
        {
            _fusedStep.Begin(rate);
            try
            {
                _network.Backward();
            }
            catch
            {
                _fusedStep.Abandon();
                throw;
            }

            _fusedStep.End();
        }
        else
        {
            if (_sparseNetwork is null)
            {
                _network.Backward();
            }
            else
            {
                _sparseNetwork.Backward();
            }

            Regularize();
            _optimizer.Step(_network.Parameters, rate);
        }

        _average?.Update();
        return loss;
    }

    /// <summary>Whether <see cref="Regularize"/> acts on the gradients, so that the step must wait for all of them.</summary>
    private bool RegularizesGradients => CouplesWeightDecay || _options.GradientClipNorm is not null;

    private bool CouplesWeightDecay => _options.WeightDecay > 0 && _options.Optimizer != OptimizerKind.AdamW;

    /// <summary>What acts on the gradients between backward and step: coupled weight decay (not AdamW's, which is decoupled) and clipping.</summary>
    private void Regularize()
    {
        if (CouplesWeightDecay)
        {
            WeightDecay.AddL2Gradient(_network.Parameters, _options.WeightDecay);
        }

        if (_options.GradientClipNorm is float maxNorm)
        {
            GradientClipping.ClipByGlobalNorm(_network.Parameters, maxNorm);
        }
    }

    /// <summary>
    /// Validates, keeps the best weights, records the epoch; returns whether early stopping ends training. The best epoch
    /// has the highest validation metric (accuracy or R²), and among equals the lowest validation loss: for classification
    /// the accuracy keeps rising after the cross-entropy has turned up with over-confident predictions.
    /// </summary>
    private bool EndEpoch(int epoch, double trainLoss, float rate, TimeSpan elapsed)
    {
        _average?.Swap();
        try
        {
            return EndEpochOnModelWeights(epoch, trainLoss, rate, elapsed);
        }
        finally
        {
            _average?.Swap();
        }
    }

    /// <summary><see cref="EndEpoch"/> with the weights the model would hold (the average's, when averaging) in the network.</summary>
    private bool EndEpochOnModelWeights(int epoch, double trainLoss, float rate, TimeSpan elapsed)
    {
        double? validationLoss = null, metric = null;
        if (_validation.Rows.Length > 0)
        {
            var (loss, value) = _evaluator.Evaluate(_validation.Data!, _validation.Labels, _validation.Rows);
            (validationLoss, metric) = (loss, value);
        }

        var record = new EpochRecord(epoch + 1, trainLoss, validationLoss, metric, rate, elapsed.TotalSeconds);
        _epochs.Add(record);
        if (!KeepsBest)
        {
            _best.Capture();
        }

        if (validationLoss is not double current)
        {
            _bestEpoch = epoch + 1;
            _options.EpochCompleted?.Invoke(record);
            return false;
        }

        double score = metric!.Value;
        float tolerance = _options.EarlyStoppingTolerance;
        bool improved = score > _bestScore + tolerance || (score >= _bestScore && current < _bestLoss - tolerance);
        _epochsWithoutImprovement = improved ? 0 : _epochsWithoutImprovement + 1;
        if (score > _bestScore || (score == _bestScore && current < _bestLoss))
        {
            (_bestScore, _bestLoss) = (score, current);
            _bestEpoch = epoch + 1;
            if (KeepsBest)
            {
                _best.Capture();
            }
        }

        _options.EpochCompleted?.Invoke(record);
        return _patience > 0 && _epochsWithoutImprovement >= _patience;
    }

    /// <summary>Puts the weights the model keeps into the network and describes the run.</summary>
    private TrainingHistory Finish(StopReason reason)
    {
        if (_epochs.Count == 0)
        {
            throw new OperationCanceledException("Training was cancelled before the first epoch completed; there are no trained weights to return.");
        }

        _best.Restore();
        if (!KeepsBest)
        {
            _bestEpoch = _epochs.Count;
        }

        return new TrainingHistory(_epochs, reason, _bestEpoch, _evaluator.MetricName);
    }
}
