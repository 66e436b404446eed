namespace KeyWorks.Domain.Demo;

/// <summary>The demo's people. Every name here is invented; any likeness to a real person is chance.</summary>
public static class DemoPeople
{
    public static readonly Actor OfficeZhou = Actor.Office("office-zhou", "周敏");
    public static readonly Actor OfficeSun = Actor.Office("office-sun", "孙丽");
    public static readonly Actor Auditor = Actor.Auditor("auditor-he", "何静");

    /// <summary>The district leaders assigned (分包) to projects: id → name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Leaders = new Dictionary<string, string>
    {
        ["leader-wang"] = "王建国",
        ["leader-li"] = "李文华",
        ["leader-zhang"] = "张志强",
        ["leader-liu"] = "刘明远",
        ["leader-chen"] = "陈立新",
        ["leader-zhao"] = "赵海峰",
    };

    private static readonly string[] StaffNames =
    [
        "杨帆", "黄磊", "吴昊", "徐静", "朱军", "胡斌", "郭涛", "何勇", "高峰", "林晓", "罗刚", "梁宇", "宋佳", "郑凯", "谢楠",
        "韩冰", "唐亮", "冯雪", "于洋", "董平", "程远", "曹阳", "袁野", "彭辉", "潘婷", "田野", "姜超", "范磊", "方舟", "石磊",
        "蒋琳", "魏东", "薛峰", "叶青", "阎明", "余辉",
    ];

    public static Actor Leader(string leaderId, IEnumerable<string> projects) =>
        Actor.Leader(leaderId, Leaders[leaderId], [.. projects]);

    /// <summary>A staff member of a unit (a contractor or a responsible unit), named deterministically from the unit.</summary>
    public static Actor UnitStaff(string unit, params string[] projects)
    {
        var index = (int)(StableHash(unit) % (uint)StaffNames.Length);
        return Actor.Contractor($"staff-{StableHash(unit):x8}", StaffNames[index], unit, projects);
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
