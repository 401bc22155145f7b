namespace MLNetScratchTrainer.Engine.Models;

/// <summary>What the network predicts, which fixes its output head and loss.</summary>
public enum MlpTask
{
    /// <summary>One of K classes: softmax + cross-entropy; labels are class indices 0 … K−1.</summary>
    MulticlassClassification,

    /// <summary>Two classes: sigmoid + binary cross-entropy; labels are 0 or 1.</summary>
    BinaryClassification,

    /// <summary>Real-valued targets: identity + squared error.</summary>
    Regression,
}
