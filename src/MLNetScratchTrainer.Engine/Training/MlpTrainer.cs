using System.Diagnostics;
using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Trains a multilayer perceptron on a <see cref="Dataset"/>: shuffled mini-batches, forward pass,
/// loss, backward pass, optimizer step; then validation, early stopping and the epoch's record.
/// </summary>
public sealed class MlpTrainer
{
    /// <summary>Creates a trainer; the options are validated now.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public MlpTrainer(MlpTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options of every run of this trainer.</summary>
    public MlpTrainerOptions Options { get; }

    /// <summary>
    /// Trains a network and returns the model.
    /// </summary>
    /// <param name="train">Training rows.</param>
    /// <param name="validation">Validation rows; null holds out <see cref="MlpTrainerOptions.ValidationFraction"/> of <paramref name="train"/> instead.</param>
    /// <param name="initialModel">Warm start: continue from this model's weights (its architecture is kept; optimizer state starts afresh).</param>
    /// <param name="cancellationToken">Stops training; the weights of the last completed epoch are returned.</param>
    /// <exception cref="ArgumentException">The data does not fit the task or the initial model; the message names the row or size.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the first epoch completed.</exception>
    public MlpModel Fit(Dataset train, Dataset? validation = null, MlpModel? initialModel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var architecture = initialModel?.Architecture ?? CreateArchitecture(train, validation);
        CheckData(architecture, train, nameof(train), train);
        if (validation is not null)
        {
            CheckData(architecture, validation, nameof(validation), train);
        }

        var targetScaling = architecture.Task == MlpTask.Regression && Options.StandardizeRegressionTargets
            ? initialModel?.TargetScaling ?? TargetScaling.Fit(train.Labels, train.LabelWidth)
            : null;

        var (trainRows, validationRows, validationData) = SplitRows(train, validation);
        if (Options.EarlyStoppingPatience > 0 && validationRows.Length == 0)
        {
            throw new ArgumentException("EarlyStoppingPatience needs validation data: pass a validation set or set ValidationFraction above 0.");
        }

        int threads = Options.NumberOfThreads ?? Environment.ProcessorCount;
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var network = architecture.Build(new Gemm(pool), new Rng(Options.Seed + 1));
        if (initialModel is null)
        {
            Initialize(network, architecture);
        }
        else
        {
            initialModel.CopyTensorsTo(network);
        }

        var sparseNetwork = train.SparseFeatures is null ? null : new SparseInputNetwork(network, new SparseGemm(pool));
        var run = new TrainingRun(this, architecture, network, sparseNetwork, targetScaling, pool);
        var history = run.Execute(train, trainRows, validationData, validationRows, cancellationToken);
        return MlpModel.FromNetwork(architecture, network, history, targetScaling);
    }

    private MlpArchitecture CreateArchitecture(Dataset train, Dataset? validation)
    {
        int outputs = Options.Task switch
        {
            MlpTask.MulticlassClassification => Options.ClassCount ?? InferClassCount(train, validation),
            MlpTask.BinaryClassification => 1,
            _ => train.LabelWidth,
        };
        return new MlpArchitecture(train.FeatureCount, Options.HiddenLayers, outputs, Options.Task, Options.Activation, Options.DropoutRate, Options.BatchNormalization);
    }

    private static int InferClassCount(Dataset train, Dataset? validation)
    {
        float max = train.Labels.Max();
        if (validation is not null)
        {
            max = Math.Max(max, validation.Labels.Max());
        }

        int count = (int)max + 1;
        if (count < 2)
        {
            throw new ArgumentException($"Every label is {max}: multiclass classification needs at least two classes (labels 0 … K−1).");
        }

        return count;
    }

    private void CheckData(MlpArchitecture architecture, Dataset data, string name, Dataset train)
    {
        if ((data.SparseFeatures is null) != (train.SparseFeatures is null))
        {
            throw new ArgumentException($"The {name} data is {(data.SparseFeatures is null ? "dense" : "sparse")} but the training data is not: both must be sparse or both dense.", name);
        }

        if (data.SparseFeatures is not null && (Options.Optimizer is not (OptimizerKind.Adam or OptimizerKind.AdamW) || (Options.WeightDecay > 0 && Options.Optimizer != OptimizerKind.AdamW)))
        {
            throw new ArgumentException(
                $"Sparse features train with Adam or AdamW, which update only the first-layer rows a batch touches, and with decoupled weight decay (AdamW); " +
                $"the options ask for {Options.Optimizer} with weight decay {Options.WeightDecay}.", name);
        }

        if (data.FeatureCount != architecture.InputSize)
        {
            throw new ArgumentException($"The {name} data has {data.FeatureCount} features per row but the network expects {architecture.InputSize}.", name);
        }

        int labelWidth = architecture.Task == MlpTask.Regression ? architecture.OutputSize : 1;
        if (data.LabelWidth != labelWidth)
        {
            throw new ArgumentException($"The {name} data has {data.LabelWidth} label values per row but {architecture.Task} with this network needs {labelWidth}.", name);
        }

        var head = architecture.CreateHead();
        for (int row = 0; row < data.Count; row++)
        {
            head.ValidateLabel(data.Labels[row * labelWidth], row);
        }

        if (architecture.Task != MlpTask.Regression && name == "train" && data.Labels.Distinct().Count() < 2)
        {
            string needed = architecture.Task == MlpTask.BinaryClassification ? "binary classification needs examples of both classes (0 and 1)" : "multiclass classification needs examples of at least two classes";
            throw new ArgumentException($"Every training label is {data.Labels[0]}: {needed}.", name);
        }
    }

    private (int[] TrainRows, int[] ValidationRows, Dataset ValidationData) SplitRows(Dataset train, Dataset? validation)
    {
        int[] all = Enumerable.Range(0, train.Count).ToArray();
        if (validation is not null)
        {
            return (all, Enumerable.Range(0, validation.Count).ToArray(), validation);
        }

        int held = (int)Math.Round(train.Count * (double)Options.ValidationFraction);
        if (held == 0)
        {
            return (all, [], train);
        }

        if (held >= train.Count)
        {
            throw new ArgumentException($"ValidationFraction {Options.ValidationFraction} would leave no training rows out of {train.Count}.");
        }

        new Rng(Options.Seed ^ 0x5EED).Shuffle(all);
        return (all[held..], all[..held], train);
    }

    private void Initialize(Network network, MlpArchitecture architecture)
    {
        bool reluLike = architecture.Activation is Activation.Relu or Activation.LeakyRelu;
        var initializer = InitializerFactory.Create(Options.Initializer, reluLike, Options.InitialStd);
        var rng = new Rng(Options.Seed);
        foreach (var dense in network.Layers.OfType<Dense>())
        {
            initializer.Initialize(dense.Weight.Value, dense.InputSize, dense.OutputSize, rng);
        }
    }

    /// <summary>The state of one call of <see cref="Fit"/>: buffers, optimizer, snapshots and records.</summary>
    /// <remarks>A sparse data set trains through <paramref name="sparseNetwork"/>, which shares the network's weights.</remarks>
    private sealed class TrainingRun(MlpTrainer trainer, MlpArchitecture architecture, Network network, SparseInputNetwork? sparseNetwork, TargetScaling? targetScaling, WorkerPool? pool)
    {
        private readonly MlpTrainerOptions _options = trainer.Options;
        private readonly List<EpochRecord> _epochs = [];
        private readonly float[][] _lastGood = [.. network.Tensors.Select(t => (float[])t.Value.Clone())];
        private readonly float[][] _best = [.. network.Tensors.Select(t => (float[])t.Value.Clone())];

        public TrainingHistory Execute(Dataset train, int[] trainRows, Dataset validationData, int[] validationRows, CancellationToken cancellationToken)
        {
            var optimizer = OptimizerFactory.Create(_options.Optimizer, _options.OptimizerSettings with { WeightDecay = _options.WeightDecay }, pool);
            bool coupledDecay = _options.WeightDecay > 0 && _options.Optimizer != OptimizerKind.AdamW;
            float[] trainLabels = ScaledLabels(train);
            float[] validationLabels = ReferenceEquals(validationData, train) ? trainLabels : ScaledLabels(validationData);
            int batchSize = Math.Min(_options.BatchSize, trainRows.Length);
            var batch = new BatchBuffer(batchSize, train.FeatureCount, train.LabelWidth, sparse: sparseNetwork is not null);
            var evaluator = new Evaluator(network, sparseNetwork, architecture.Task, Math.Max(batchSize, 256));
            var shuffler = new Rng(_options.Seed ^ 0x51F7);
            int batches = (trainRows.Length + batchSize - 1) / batchSize;
            double bestLoss = double.PositiveInfinity;
            int bestEpoch = 0;
            var stopReason = StopReason.Completed;

            for (int epoch = 0; epoch < _options.NumberOfEpochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                float rate = _options.Schedule?.RateAt(epoch, _options.LearningRate) ?? _options.LearningRate;
                if (_options.Shuffle)
                {
                    shuffler.Shuffle(trainRows);
                }

                double lossSum = 0;
                for (int b = 0; b < batches; b++)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return Cancel(bestEpoch);
                    }

                    var rows = trainRows.AsSpan(b * batchSize, Math.Min(batchSize, trainRows.Length - (b * batchSize)));
                    batch.Gather(train, trainLabels, rows);
                    double loss = sparseNetwork?.ForwardLoss(batch.SparseFeatures!, batch.Labels, batch.Weights) ?? network.ForwardLoss(batch.Features, batch.Labels, batch.Weights);
                    if (!double.IsFinite(loss))
                    {
                        throw new TrainingDivergedException(
                            $"Training diverged at epoch {epoch + 1}, batch {b + 1}: the loss became {loss}. " +
                            $"Lower the learning rate (it was {rate}), standardise the features, or set GradientClipNorm.");
                    }

                    if (sparseNetwork is null)
                    {
                        network.Backward();
                    }
                    else
                    {
                        sparseNetwork.Backward();
                    }

                    if (coupledDecay)
                    {
                        WeightDecay.AddL2Gradient(network.Parameters, _options.WeightDecay);
                    }

                    if (_options.GradientClipNorm is float maxNorm)
                    {
                        GradientClipping.ClipByGlobalNorm(network.Parameters, maxNorm);
                    }

                    optimizer.Step(network.Parameters, rate);
                    lossSum += loss * rows.Length;
                    _options.BatchCompleted?.Invoke(epoch + 1, b + 1, batches);
                }

                double? validationLoss = null, metric = null;
                if (validationRows.Length > 0)
                {
                    (double vLoss, double vMetric) = evaluator.Evaluate(validationData, validationLabels, validationRows);
                    (validationLoss, metric) = (vLoss, vMetric);
                }

                var record = new EpochRecord(epoch + 1, lossSum / trainRows.Length, validationLoss, metric, rate, clock.Elapsed.TotalSeconds);
                _epochs.Add(record);
                Snapshot(_lastGood);
                _options.EpochCompleted?.Invoke(record);

                if (validationLoss is double current && current < bestLoss)
                {
                    bestLoss = current;
                    bestEpoch = epoch + 1;
                    Snapshot(_best);
                }
                else if (validationLoss is null)
                {
                    bestEpoch = epoch + 1;
                }

                if (_options.EarlyStoppingPatience > 0 && epoch + 1 - bestEpoch >= _options.EarlyStoppingPatience)
                {
                    stopReason = StopReason.EarlyStopped;
                    break;
                }
            }

            if (_options.EarlyStoppingPatience > 0)
            {
                Restore(_best);
            }
            else
            {
                bestEpoch = _epochs.Count;
            }

            return new TrainingHistory(_epochs, stopReason, bestEpoch, MetricName);
        }

        private string MetricName => architecture.Task == MlpTask.Regression ? "R2" : "accuracy";

        private TrainingHistory Cancel(int bestEpoch)
        {
            if (_epochs.Count == 0)
            {
                throw new OperationCanceledException("Training was cancelled before the first epoch completed; there are no trained weights to return.");
            }

            Restore(_options.EarlyStoppingPatience > 0 ? _best : _lastGood);
            return new TrainingHistory(_epochs, StopReason.Cancelled, _options.EarlyStoppingPatience > 0 ? bestEpoch : _epochs.Count, MetricName);
        }

        private float[] ScaledLabels(Dataset data)
        {
            if (targetScaling is null)
            {
                return data.Labels;
            }

            var scaled = new float[data.Labels.Length];
            targetScaling.Apply(data.Labels, scaled);
            return scaled;
        }

        private void Snapshot(float[][] target)
        {
            int i = 0;
            foreach (var tensor in network.Tensors)
            {
                tensor.Value.CopyTo(target[i++], 0);
            }
        }

        private void Restore(float[][] source)
        {
            int i = 0;
            foreach (var tensor in network.Tensors)
            {
                source[i++].CopyTo(tensor.Value, 0);
            }
        }
    }
}
