namespace ExchangeSpfAgent.Tests.Deployment;

/// <summary>
/// The source of the host program of the deployment smoke test, compiled at test time with Mono's C# compiler.
/// </summary>
/// <remarks>
/// It plays Exchange's worker process: it loads the agent DLL by path from another folder, creates the factory by
/// type name and raises one end-of-headers event through the harness. It prints one <c>key=value</c> line per fact
/// for the test to check. The code stays within the C# version that <c>mcs</c> compiles.
/// </remarks>
public static class SmokeHostSource
{
    public const string FactoryTypeName = "ExchangeSpfAgent.Transport.SpfAgentFactory";

    public const string Text = """
        using System;
        using System.Linq;
        using System.Reflection;
        using ExchangeSpfAgent.Tests.Harness;
        using Microsoft.Exchange.Data.Transport.Smtp;

        public static class SmokeHost
        {
            // Arguments: agent DLL path, peer IP, origin header value, MAIL FROM.
            public static int Main(string[] args)
            {
                Assembly agent = Assembly.LoadFrom(args[0]);
                Type factoryType = agent.GetType("ExchangeSpfAgent.Transport.SpfAgentFactory", true);
                var factory = (SmtpReceiveAgentFactory)Activator.CreateInstance(factoryType);
                SmtpReceiveAgent instance = factory.CreateAgent(new FakeSmtpServer());

                FakeSmtpSession session = new FakeSmtpSession().WithRemote(args[1]).WithHelo("appliance.example.org");
                string headers = "X-Origin-IP: " + args[2] + "\r\n"
                    + "Message-ID: <smoke@forged.example>\r\nFrom: " + args[3] + "\r\nSubject: smoke test\r\n";
                var ev = new EndOfHeadersEvent(session, headers, new FakeMailItem(args[3], "user@example.org"));
                bool finished = ev.Raise(instance, TimeSpan.FromSeconds(60));

                Console.WriteLine("finished=" + finished);
                Console.WriteLine("violations=" + string.Join(" | ", ev.Violations.All));
                foreach (var action in ev.Source.Actions)
                {
                    Console.WriteLine("action=" + action.Kind + " " + action.Response);
                }

                foreach (Assembly loaded in AppDomain.CurrentDomain.GetAssemblies())
                {
                    string name = loaded.GetName().Name;
                    if (name == "NLog" || name == "DnsClient" || name == "ExchangeSpfAgent")
                    {
                        Console.WriteLine("loaded=" + name + "|" + loaded.Location);
                    }
                }

                factory.Close();
                return 0;
            }
        }
        """;
}
