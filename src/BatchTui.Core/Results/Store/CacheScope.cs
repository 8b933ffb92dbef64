using BatchTui.Core.Api;
using System.Security.Cryptography;
using System.Text;

namespace BatchTui.Core.Results.Store;

/// <summary>
/// Whose batches a cache folder holds: the API origin (base URL) and, when known, the workspace. Batch ids are unique
/// only within one API: two demo simulators, or a proxy and the real API, can hand out the same id for different
/// batches, so the cache is keyed by scope and id, never by id alone.
/// </summary>
public sealed record CacheScope(Uri BaseUrl, string? Workspace = null)
{
    public static CacheScope Of(IBatchesApi api, string? workspace = null) => new(api.BaseUrl, workspace);

    /// <summary>
    /// The folder name: the host and port, readable (<c>api.anthropic.com-443-…</c>), then a hash of the whole
    /// normalised origin (scheme, host, port, path) and workspace, so no two scopes share a folder.
    /// </summary>
    public string FolderName
    {
        get
        {
            string host = new(BaseUrl.IdnHost.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').Take(60).ToArray());
            string key = $"{BaseUrl.Scheme.ToLowerInvariant()}://{BaseUrl.IdnHost.ToLowerInvariant()}:{BaseUrl.Port}{BaseUrl.AbsolutePath.TrimEnd('/')}\n{Workspace}";
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
            return $"{(host.Length > 0 ? host : "_")}-{BaseUrl.Port}-{hash}";
        }
    }
}
