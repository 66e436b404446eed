using KeyWorks.Dashboard.Tests;

// One server with the demo programme and one Chromium for the whole assembly: both take seconds to start.
[assembly: AssemblyFixture(typeof(DashboardSite))]
