using System.Text.Json;

namespace BatchTui.Core.Results.Model;

/// <summary>
/// One node of a result's tree: a one-line <see cref="Label"/> (the collapsed view), an optional multi-line
/// <see cref="Detail"/> (the expanded view: full text, pretty JSON), children built only when first asked for, and the
/// node's raw JSON. Views render these; they never read JSON themselves.
/// </summary>
public sealed class ResultNode
{
    private readonly Lazy<IReadOnlyList<ResultNode>> _children;

    public ResultNode(string kind, string label, string? detail = null, Func<IReadOnlyList<ResultNode>>? children = null,
        bool collapsed = false, JsonElement? raw = null, string? copyText = null)
    {
        Kind = kind;
        Label = label;
        Detail = detail;
        CollapsedByDefault = collapsed;
        _raw = raw;
        _copyText = copyText;
        _children = new Lazy<IReadOnlyList<ResultNode>>(children ?? (() => []), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ResultNode(string kind, string label, string? detail, IReadOnlyList<ResultNode> children, bool collapsed = false, JsonElement? raw = null, string? copyText = null)
        : this(kind, label, detail, () => children, collapsed, raw, copyText)
    {
        _hasChildrenHint = children.Count > 0;
    }

    private readonly JsonElement? _raw;
    private readonly string? _copyText;
    private readonly bool? _hasChildrenHint;

    /// <summary>The block or field type, e.g. <c>text</c>, <c>citation</c>, <c>usage</c>, <c>json</c>.</summary>
    public string Kind { get; }
    public string Label { get; }
    public string? Detail { get; }
    public bool CollapsedByDefault { get; }
    public IReadOnlyList<ResultNode> Children => _children.Value;
    public bool HasChildren => _hasChildrenHint ?? Children.Count > 0;

    /// <summary>The JSON this node came from, indented; null for synthesised nodes.</summary>
    public string? RawJson => _raw is { } r ? Json.Pretty(r) : null;

    /// <summary>What "copy" puts on the clipboard: the block's text where it has one, else its detail or label.</summary>
    public string CopyText => _copyText ?? Detail ?? Label;

    public override string ToString() => Label;
}
