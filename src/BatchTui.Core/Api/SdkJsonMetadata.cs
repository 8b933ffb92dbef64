using Anthropic.Core;
using Anthropic.Models.Beta;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BatchTui.Core.Api;

/// <summary>
/// Native AOT only. The SDK serializes with reflection-based System.Text.Json, which builds a converter per value-type
/// shape at run time (MakeGenericType); a native build has no code for those, so the create body
/// (<c>IReadOnlyDictionary&lt;string, JsonElement&gt;</c>), the beta header's list (a nullable ImmutableArray) and the error models'
/// <c>JsonElement?</c> failed with "missing native code". This puts source-generated metadata for exactly those shapes
/// in front of the SDK's own resolver. The SDK keeps its options in an internal field, reached with
/// <see cref="UnsafeAccessorAttribute"/>; under the JIT nothing is touched.
/// </summary>
internal static class SdkJsonMetadata
{
    private static int _installed;

    /// <summary>Set (to true) only by the native publish (BatchTui.csproj). <c>RuntimeFeature.IsDynamicCodeSupported</c>
    /// cannot tell: <c>PublishAot=true</c> writes it as false into every build's runtimeconfig, so under the JIT it is
    /// false too, and Install ran before every JIT start's first frame (~10 % of its CPU, perf).</summary>
    public const string NativeAotSwitch = "BatchTui.NativeAot";

    // The check alone here: under the JIT, compiling Install's body would load the SDK's model types and the generated
    // context before the first frame for nothing.
    public static void InstallForNativeAot()
    {
        if (AppContext.TryGetSwitch(NativeAotSwitch, out bool native) && native) Install();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "the SDK's own resolver is reflection-based already; it stays behind ours")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "as above")]
    private static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        JsonSerializerOptions options = SdkOptions(null);
        if (options.IsReadOnly) return; // already used: too late, and nothing can change it now
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(SdkShapes.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "SerializerOptions")]
    private static extern ref JsonSerializerOptions SdkOptions(ModelBase? _);
}

[JsonSerializable(typeof(IReadOnlyDictionary<string, JsonElement>))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(double?))]
[JsonSerializable(typeof(DateTimeOffset?))]
[JsonSerializable(typeof(ImmutableArray<ApiEnum<string, AnthropicBeta>>))]
[JsonSerializable(typeof(ImmutableArray<ApiEnum<string, AnthropicBeta>>?))]
[JsonSerializable(typeof(IReadOnlyList<ApiEnum<string, AnthropicBeta>>))]
internal sealed partial class SdkShapes : JsonSerializerContext;
