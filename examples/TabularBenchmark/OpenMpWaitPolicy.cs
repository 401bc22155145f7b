using System.Runtime.InteropServices;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// LightGBM's native library runs its threads with OpenMP, whose threads by default spin while they wait. On a machine whose
/// cores are busy with other work, the spinning threads compete with the ones doing the work and a fit of a few hundred
/// rows can take seconds instead of a tenth of one (measured here: 0.1–0.4 s passive against 2–8 s spinning, under a load
/// of 26 on 2 cores). So, unless the user chose a policy, the benchmark asks OpenMP to wait passively, in the process's
/// native environment, before LightGBM is loaded; on an idle machine this changes LightGbm's fit times very little.
/// </summary>
internal static partial class OpenMpWaitPolicy
{
    private const string Variable = "OMP_WAIT_POLICY";
    private const string Passive = "PASSIVE";

    /// <summary>Sets OMP_WAIT_POLICY=PASSIVE when it is unset (Linux and macOS); returns the policy in force, or null where it could not be set.</summary>
    public static string? Apply()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { } chosen)
        {
            return chosen;
        }

        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        Environment.SetEnvironmentVariable(Variable, Passive);
        return SetNativeEnvironment(Variable, Passive, overwrite: 0) == 0 ? Passive : null;
    }

    // .NET keeps its own copy of the environment on Unix; native libraries read the C library's.
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetNativeEnvironment(string name, string value, int overwrite);
}
