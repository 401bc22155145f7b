namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>What a layer's tensor is for, which decides how training treats it and where a saved model lists it.</summary>
public enum TensorRole
{
    /// <summary>Trained and shrunk by weight decay: a dense layer's weight matrix.</summary>
    Weight,

    /// <summary>Trained, never decayed: biases, and batch normalisation's per-unit scale γ and shift β.</summary>
    Bias,

    /// <summary>Not trained but saved: batch normalisation's running mean and variance.</summary>
    State,
}
