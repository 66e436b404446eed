namespace KeyWorks.Server.Hosting;

/// <summary>The page at <c>/</c> until the dashboard is built into the server's static files.</summary>
internal static class StartPage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>KeyWorks 重点项目建设管理</title></head>
        <body style="font-family: 'Noto Sans CJK SC', sans-serif; margin: 2rem;">
          <h1>KeyWorks 重点项目建设管理</h1>
          <p>服务运行中。健康检查：<a href="/health">/health</a></p>
        </body>
        </html>
        """;
}
