using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>Takes a saved model apart and puts it back together with chosen damage, to feed the loader bad files.</summary>
internal static class ModelArchive
{
    public const string HeaderEntry = "header.json";
    public const string TensorsEntry = "tensors.bin";

    public static byte[] Save(MlpModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    /// <summary>The header (parsed) and the raw tensor bytes of a saved model.</summary>
    public static (JsonObject Header, byte[] Tensors) Open(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        using var header = zip.GetEntry(HeaderEntry)!.Open();
        using var source = zip.GetEntry(TensorsEntry)!.Open();
        using var tensors = new MemoryStream();
        source.CopyTo(tensors);
        return (JsonNode.Parse(header)!.AsObject(), tensors.ToArray());
    }

    /// <summary>A zip holding the given entries, in order.</summary>
    public static byte[] Build(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A copy of a saved model with its header and/or tensor bytes edited; the checksum is left as it was.</summary>
    public static byte[] Rewrite(byte[] archive, Action<JsonObject>? editHeader = null, Func<byte[], byte[]>? editTensors = null)
    {
        var (header, tensors) = Open(archive);
        editHeader?.Invoke(header);
        return Build((HeaderEntry, System.Text.Encoding.UTF8.GetBytes(header.ToJsonString())), (TensorsEntry, editTensors?.Invoke(tensors) ?? tensors));
    }

    /// <summary>The checksum the header records for <paramref name="tensors"/>.</summary>
    public static string Sha256(byte[] tensors) => Convert.ToHexString(SHA256.HashData(tensors));
}
