namespace KeyWorks.Bulletins.Html;

/// <summary>How one copy of the bulletin is laid out.</summary>
/// <param name="LeaderFirst">
/// A leader's variant: that leader's projects (by <see cref="Model.ProjectProgress.Leader"/>) come first in
/// every project list and are marked; the figures are the same as in the office's copy.
/// </param>
public sealed record BulletinRenderOptions(string? LeaderFirst = null)
{
    public static BulletinRenderOptions Default { get; } = new();
}
