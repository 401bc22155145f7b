namespace MLNetScratchTrainer.Engine.Serialization;

/// <summary>
/// The CRC-32 that zip files record for each entry (IEEE 802.3: reflected polynomial 0xEDB88320, initial value and final
/// XOR 0xFFFFFFFF). <see cref="System.IO.Compression.ZipArchive"/> records it when writing but does not verify it when
/// reading, so the loader compares it itself.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFF;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The remainder of every byte value, one bit at a time.</summary>
    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
