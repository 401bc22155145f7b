namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>
/// CRC-32 as PNG (and zip, gzip) use it: reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF,
/// one table lookup per byte.
/// </summary>
public static class Crc32
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] Table = CreateTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    /// <summary>The register value before any byte.</summary>
    public static uint Start => 0xFFFFFFFFu;

    /// <summary>Feeds more bytes into a running register (start from <see cref="Start"/>).</summary>
    public static uint Append(uint register, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            register = Table[(register ^ b) & 0xFF] ^ (register >> 8);
        }

        return register;
    }

    /// <summary>Turns a running register into the CRC.</summary>
    public static uint Finish(uint register) => register ^ 0xFFFFFFFFu;

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
