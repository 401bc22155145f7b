namespace MLNetScratchTrainer.Fuzzing.Mutations;

/// <summary>The values that break size and count arithmetic: zero, one, signed and unsigned extremes, off-by-one.</summary>
internal static class InterestingValues
{
    private static readonly uint[] Extremes = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x1000_0000];

    /// <summary>A value for a field of <paramref name="width"/> bytes that held <paramref name="original"/>.</summary>
    public static uint Pick(Random random, uint original, int width)
    {
        uint mask = width == 2 ? 0xFFFFu : 0xFFFF_FFFFu;
        return random.Next(4) switch
        {
            0 => original + 1,
            1 => original - 1,
            2 => original * 2,
            _ => Extremes[random.Next(Extremes.Length)],
        } & mask;
    }

    /// <summary>A signed 32-bit value for a length or count prefix.</summary>
    public static int PickInt32(Random random) => (int)Pick(random, (uint)random.Next(1, 1000), 4);
}
