namespace BatchTui.Core.Results.Index;

/// <summary>How far indexing has got: lines and bytes so far, of <see cref="TotalBytes"/>.</summary>
public readonly record struct IndexProgress(int Lines, long Bytes, long TotalBytes, bool Done)
{
    public double Fraction => TotalBytes <= 0 ? 1 : Math.Clamp((double)Bytes / TotalBytes, 0, 1);
}
