using System.Runtime.CompilerServices;

namespace MLNetScratchTrainer.Engine.Randomness;

/// <summary>
/// A small, seeded, allocation-free random generator (xoshiro128** seeded by SplitMix64).
/// The engine uses it everywhere (initialisation, shuffling, dropout, validation split)
/// so that the same seed gives the same model on every machine and thread count.
/// </summary>
public sealed class Rng
{
    private uint _s0, _s1, _s2, _s3;
    private float _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a generator from a seed.</summary>
    public Rng(int seed)
    {
        ulong x = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL);
        ulong a = SplitMix(ref x), b = SplitMix(ref x);
        _s0 = (uint)a;
        _s1 = (uint)(a >> 32);
        _s2 = (uint)b;
        _s3 = (uint)(b >> 32);
    }

    /// <summary>The generator of one named stream of a run seeded with <paramref name="seed"/>: each stream is independent of the others.</summary>
    public static Rng ForStream(int seed, RandomStream stream)
    {
        ulong x = ((ulong)(uint)seed << 32) | (uint)stream;
        return new Rng(unchecked((int)SplitMix(ref x)));
    }

    /// <summary>The four words of the generator's state, for <see cref="VectorRng"/>, which runs the same generator in vector lanes.</summary>
    internal (uint S0, uint S1, uint S2, uint S3) State => (_s0, _s1, _s2, _s3);

    /// <summary>Next 32 random bits.</summary>
    public uint NextUInt()
    {
        uint result = uint.RotateLeft(_s1 * 5, 7) * 9;
        uint t = _s1 << 9;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = uint.RotateLeft(_s3, 11);
        return result;
    }

    /// <summary>Uniform float in [0, 1).</summary>
    public float NextFloat() => (NextUInt() >> 8) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((ulong)NextUInt() * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Standard normal sample (Box–Muller).</summary>
    public float NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u1 = 1.0 - ((NextUInt() >> 8) * (1.0 / (1 << 24)));
        double u2 = (NextUInt() >> 8) * (1.0 / (1 << 24));
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = (float)(radius * Math.Sin(2 * Math.PI * u2));
        _hasSpareNormal = true;
        return (float)(radius * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
