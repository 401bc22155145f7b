using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Where the linear skip of a regression or binary network starts: at a ridge fit on the training rows, so that the
/// network starts as that linear model and the hidden layers learn only what it leaves. On centred preprocessed inputs
/// Xc and centred targets Yc (standardised values, or 0/1 labels), S = c·(XcᵀXc + λI)⁻¹XcᵀYc with c = 1 for regression
/// and c = 4 for binary classification (the logistic function's slope at 0 is 1/4, so a linear probability p ≈ ½ + z/4
/// maps to the logit z); the output bias makes the mean input predict the mean target (its log-odds for binary); the
/// output layer's weights start at zero, so the hidden layers add nothing until they have learned something.
/// </summary>
/// <remarks>
/// Multiclass networks keep S = 0: a least-squares fit to one-hot targets masks a class that lies between two others
/// (Hastie, Tibshirani and Friedman, "The Elements of Statistical Learning", §4.2), and started so, iris scored 0.80
/// after one epoch (docs/defaults.md). The fit reads at most <see cref="MaximumRows"/> rows and is skipped for more
/// than <see cref="MaximumInputs"/> inputs, so it costs at most about as much as one epoch of the default network.
/// </remarks>
internal static class LinearSkipStart
{
    /// <summary>λ of the ridge: ML.NET's default L2 weight of its L-BFGS trainers, on inputs of unit scale.</summary>
    public const double Ridge = 1.0;

    /// <summary>Most training rows the fit reads (the first of the shuffled training rows).</summary>
    public const int MaximumRows = PreprocessorFitter.MaximumQuantileRows;

    /// <summary>Most network inputs for which the skip is fitted; wider networks start it at zero.</summary>
    public const int MaximumInputs = 1024;

    /// <summary>Whether a network of <paramref name="architecture"/> starts its skip at a ridge fit (it has one, its task is not multiclass, its inputs are few enough).</summary>
    public static bool Fits(MlpArchitecture architecture)
        => architecture.LinearSkip && architecture.Task != MlpTask.MulticlassClassification && architecture.InputSize <= MaximumInputs;

    /// <summary>Fits the skip of <paramref name="network"/> on <paramref name="rows"/> of <paramref name="data"/> when its architecture <see cref="Fits"/>.</summary>
    /// <param name="network">The initialised network.</param>
    /// <param name="data">The raw rows.</param>
    /// <param name="labels">Their labels as the network learns them (standardised for regression).</param>
    /// <param name="rows">The training rows.</param>
    /// <param name="preprocessor">The model's input preprocessing, or null.</param>
    /// <param name="gemm">The multiplier for XᵀX and XᵀY.</param>
    /// <param name="architecture">The network's architecture.</param>
    public static void Apply(Network network, MlpArchitecture architecture, Dataset data, float[] labels, ReadOnlySpan<int> rows, InputPreprocessor? preprocessor, Gemm gemm)
    {
        if (!Fits(architecture) || network.Skip is not LinearSkip skip)
        {
            return;
        }

        var task = architecture.Task;

        int n = Math.Min(rows.Length, MaximumRows), d = skip.InputSize, k = skip.OutputSize;
        var batch = new BatchBuffer(n, d, data.LabelWidth, preprocessor);
        batch.Gather(data, labels, rows[..n]);
        float[] x = batch.Features.Data, y = batch.Labels.ToArray();

        // XᵀX and XᵀY in one product each, (d × n)·(n × d) and (d × n)·(n × k); then centred in double:
        // XcᵀXc = XᵀX − n·x̄x̄ᵀ, XcᵀYc = XᵀY − n·x̄ȳᵀ.
        var xx = new float[d * d];
        var xy = new float[d * k];
        gemm.Multiply(x, transposeA: true, x, transposeB: false, xx, m: d, n: d, k: n, accumulate: false);
        gemm.Multiply(x, transposeA: true, y, transposeB: false, xy, m: d, n: k, k: n, accumulate: false);
        double[] meanX = ColumnMeans(x, n, d), meanY = ColumnMeans(y, n, k);
        var a = new double[d * d];
        var b = new double[d * k];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                a[(i * d) + j] = xx[(i * d) + j] - (n * meanX[i] * meanX[j]);
            }

            a[(i * d) + i] += Ridge;
            for (int j = 0; j < k; j++)
            {
                b[(i * k) + j] = xy[(i * k) + j] - (n * meanX[i] * meanY[j]);
            }
        }

        CholeskySolve(a, d, b, k);
        double c = task == MlpTask.BinaryClassification ? 4 : 1;
        var output = (Dense)network.Layers[^1];
        for (int j = 0; j < k; j++)
        {
            double bias = task == MlpTask.BinaryClassification ? LogOdds(meanY[j]) : meanY[j];
            for (int i = 0; i < d; i++)
            {
                double s = c * b[(i * k) + j];
                skip.Weight.Value[(i * k) + j] = (float)s;
                bias -= s * meanX[i];
            }

            output.Bias.Value[j] = (float)bias;
        }

        Array.Clear(output.Weight.Value);
    }

    private static double LogOdds(double p)
    {
        double clamped = Math.Clamp(p, 1e-3, 1 - 1e-3);
        return Math.Log(clamped / (1 - clamped));
    }

    private static double[] ColumnMeans(float[] values, int rows, int columns)
    {
        var means = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < columns; j++)
            {
                means[j] += values[(r * columns) + j];
            }
        }

        for (int j = 0; j < columns; j++)
        {
            means[j] /= rows;
        }

        return means;
    }

    /// <summary>
    /// Solves A·Z = B in place (B becomes Z, d × k) for symmetric positive definite A (d × d), through A = L·Lᵀ
    /// (Cholesky, L into A's lower triangle), then L·W = B forward and Lᵀ·Z = W backward.
    /// </summary>
    private static void CholeskySolve(double[] a, int d, double[] b, int k)
    {
        for (int j = 0; j < d; j++)
        {
            double diagonal = a[(j * d) + j];
            for (int p = 0; p < j; p++)
            {
                diagonal -= a[(j * d) + p] * a[(j * d) + p];
            }

            // The ridge keeps A positive definite; the floor only guards against rounding in near-collinear columns.
            double l = Math.Sqrt(Math.Max(diagonal, Ridge * 1e-6));
            a[(j * d) + j] = l;
            for (int i = j + 1; i < d; i++)
            {
                double sum = a[(i * d) + j];
                for (int p = 0; p < j; p++)
                {
                    sum -= a[(i * d) + p] * a[(j * d) + p];
                }

                a[(i * d) + j] = sum / l;
            }
        }

        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < d; i++)
            {
                double sum = b[(i * k) + c];
                for (int p = 0; p < i; p++)
                {
                    sum -= a[(i * d) + p] * b[(p * k) + c];
                }

                b[(i * k) + c] = sum / a[(i * d) + i];
            }

            for (int i = d - 1; i >= 0; i--)
            {
                double sum = b[(i * k) + c];
                for (int p = i + 1; p < d; p++)
                {
                    sum -= a[(p * d) + i] * b[(p * k) + c];
                }

                b[(i * k) + c] = sum / a[(i * d) + i];
            }
        }
    }
}
