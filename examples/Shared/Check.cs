namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>The checks an example makes on its own results, so that a broken walkthrough fails loudly (non-zero exit).</summary>
public static class Check
{
    /// <summary>Throws <see cref="CheckFailedException"/> with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new CheckFailedException(message);
        }
    }
}
