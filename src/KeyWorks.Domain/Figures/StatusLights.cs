namespace KeyWorks.Domain.Figures;

public static class StatusLights
{
    public static string Chinese(StatusLight light) => light switch
    {
        StatusLight.Green => "绿灯",
        StatusLight.Yellow => "黄灯",
        _ => "红灯",
    };

    /// <summary>
    /// 红黄绿灯 with the thresholds of <paramref name="t"/>: red when more than RedBehindPoints behind 序时进度, a node overdue
    /// by NodeOverdueRedMonths or more, or the planned start missed by StartMissedRedMonths or more; yellow when at least
    /// YellowBehindPoints behind or any node overdue; green otherwise. The reasons say which rule fired.
    /// </summary>
    public static (StatusLight Light, IReadOnlyList<string> Reasons) Decide(
        decimal? gap, IReadOnlyList<NodeLine> overdueNodes, DateOnly plannedStart, bool started, DateOnly asOf, LightThresholds t)
    {
        var red = new List<string>();
        var yellow = new List<string>();
        var behind = gap is { } g ? -g : 0m;
        if (behind > t.RedBehindPoints) red.Add($"慢于序时进度{behind:0.##}个百分点");
        else if (behind >= t.YellowBehindPoints) yellow.Add($"慢于序时进度{behind:0.##}个百分点");

        foreach (var node in overdueNodes)
        {
            var text = $"节点“{node.Name}”逾期{node.OverdueDays}天";
            if (asOf >= node.Deadline.AddMonths(t.NodeOverdueRedMonths)) red.Add(text);
            else yellow.Add(text);
        }

        if (!started && asOf >= plannedStart.AddMonths(t.StartMissedRedMonths))
            red.Add($"计划开工（{plannedStart:yyyy-MM-dd}）已超{t.StartMissedRedMonths}个月未开工");

        return red.Count > 0 ? (StatusLight.Red, [.. red, .. yellow])
            : yellow.Count > 0 ? (StatusLight.Yellow, yellow)
            : (StatusLight.Green, []);
    }
}
