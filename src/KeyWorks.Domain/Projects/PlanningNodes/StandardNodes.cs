namespace KeyWorks.Domain.Projects;

public sealed record StandardNode(string NodeId, string Name, int Sequence);

/// <summary>
/// The standard chain 手续办理 → 征迁交地 → 开工建设 → 主体完工 → 竣工验收 → 投产达效/交付使用.
/// Sequences step by 10 so custom nodes (箱涵主体完工 …) fit between them.
/// </summary>
public static class StandardNodes
{
    public const string Permits = "permits";
    public const string Land = "land";
    public const string Start = "start";
    public const string MainWorks = "main-works";
    public const string Acceptance = "acceptance";
    public const string Operation = "operation";

    public static readonly IReadOnlyList<StandardNode> Chain =
    [
        new(Permits, "手续办理", 10),
        new(Land, "征迁交地", 20),
        new(Start, "开工建设", 30),
        new(MainWorks, "主体完工", 40),
        new(Acceptance, "竣工验收", 50),
        new(Operation, "投产达效/交付使用", 60),
    ];

    public static StandardNode Get(string nodeId) => Chain.Single(n => n.NodeId == nodeId);
}
