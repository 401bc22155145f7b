namespace MLNetScratchTrainer;

/// <summary>How the ML.NET trainers read their training data (see <see cref="Engine.Training.MlpTrainerOptions.DataLoading"/>); in the root namespace, like every type a plugin user names.</summary>
public enum DataLoading
{
    /// <summary>In memory when the rows fit the budget of <see cref="Engine.Streaming.StreamingRules.ChoosesStreaming"/>, streamed otherwise.</summary>
    Auto = 0,

    /// <summary>Every row copied into memory once; each epoch reshuffles all of them.</summary>
    InMemory = 1,

    /// <summary>Rows read through a cursor once per epoch, shuffled through a bounded buffer; memory stays bounded whatever the row count.</summary>
    Streaming = 2,
}
