BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSupport.ps1')
    $script:GetDecision = Join-Path -Path $script:InstallerRoot -ChildPath 'Get-ExchangeSpfAgentDecision.ps1'

    $script:Fields = 'date-time,session-id,message-id,connector-endpoint,peer-ip,origin-ip,origin-source,helo,mail-from,' +
        'identity,result,mechanism,action,smtp-response,elapsed-ms,dns-queries,cache-hits,reason'

    function New-DecisionLine
    {
        <# Formats a line as the agent writes it: every field quoted, quotes doubled. #>
        param([string[]] $Value)

        ($Value | ForEach-Object { '"' + $_.Replace('"', '""') + '"' }) -join ','
    }

    function Write-DecisionLog
    {
        <# Writes a decision log as the agent does: UTF-8 with a byte order mark, CRLF, header lines first. #>
        param([string] $Path, [string[]] $Line, [string] $Date = '2024-05-01')

        $header = @(
            '#Software: ExchangeSpfAgent', '#Version: 0.1.0', '#Log-type: SPF Decision Log'
            "#Date: ${Date}T00:00:00.000Z", "#Fields: $script:Fields"
        )
        $text = (($header + $Line) -join "`r`n") + "`r`n"
        [System.IO.File]::WriteAllText($Path, $text, (New-Object System.Text.UTF8Encoding $true))
    }
}

Describe 'Get-ExchangeSpfAgentDecision' {
    BeforeEach {
        Initialize-FakeExchange
        $script:Logs = Join-Path -Path $global:FakeExchange.Root -ChildPath 'Logs'
        New-Item -ItemType Directory -Path $script:Logs | Out-Null
        $script:LogFile = Join-Path -Path $script:Logs -ChildPath 'Decision_20240501.log'
        Write-DecisionLog -Path $script:LogFile -Line @(
            New-DecisionLine '2024-05-01T08:00:00.125Z', '08DC69A1B2C3D4E5', '<a@mail.example.com>', '192.0.2.25:25', '198.51.100.10', '203.0.113.5', 'Header', 'mail.example.com', 'alice@example.com', 'mailfrom', 'fail', '-all', 'Reject', '550 5.7.23 SPF check failed', '42', '3', '1', 'SPF fail for MAIL FROM alice@example.com.'
            New-DecisionLine '2024-05-01T09:30:00.000Z', '08DC69A1B2C3D4E6', '<b@x>', '192.0.2.25:25', '198.51.100.10', '2001:db8::5', 'Header', 'mx.sub.example.net', 'bob@Sub.Example.NET', 'mailfrom', 'pass', 'ip6:2001:db8::/32', 'Stamp', '', '7', '0', '2', 'SPF pass.'
            New-DecisionLine '2024-05-01T10:00:00.000Z', '08DC69A1B2C3D4E7', 'line\r\nbreak, "quoted"', '192.0.2.25:25', '198.51.100.10', '', '', 'bounce.example.org', '<>', '', '', '', 'Stamp', '', '0', '0', '0', 'No origin: tab\there, bell\x07, backslash \\ and \u2028.'
            New-DecisionLine '2024-05-01T11:00:00.000Z', '08DC69A1B2C3D4E8', '<c@x>', '192.0.2.25:25', '198.51.100.10', '::ffff:203.0.113.9', 'ReceivedChain', 'relay.example.org', 'carol@example.org', 'helo', 'softfail', '~all', 'Discard', '250 2.6.0 Queued mail for delivery', '15', '1', '0', 'SPF softfail.'
        )
    }

    AfterEach {
        Reset-FakeExchange
    }

    It 'reads every line' {
        $decisions = @(& $script:GetDecision -Path $script:LogFile)

        $decisions.Count | Should -Be 4
        $decisions[0].SessionId | Should -Be '08DC69A1B2C3D4E5'
        $decisions[0].ConnectorEndpoint | Should -Be '192.0.2.25:25'
        $decisions[0].OriginIp | Should -Be '203.0.113.5'
        $decisions[0].Result | Should -Be 'fail'
        $decisions[0].Action | Should -Be 'Reject'
        $decisions[0].SmtpResponse | Should -Be '550 5.7.23 SPF check failed'
        $decisions[0].Reason | Should -Be 'SPF fail for MAIL FROM alice@example.com.'
    }

    It 'types times and counts' {
        $decision = @(& $script:GetDecision -Path $script:LogFile)[0]

        $decision.Time | Should -BeOfType [datetime]
        $decision.Time.ToUniversalTime() | Should -Be ([datetime]::new(2024, 5, 1, 8, 0, 0, 125, [System.DateTimeKind]::Utc))
        $decision.ElapsedMs | Should -Be 42
        $decision.DnsQueries | Should -Be 3
        $decision.CacheHits | Should -Be 1
        $decision.ElapsedMs | Should -BeOfType [long]
    }

    It 'restores escaped characters' {
        $decision = @(& $script:GetDecision -Path $script:LogFile)[2]

        $decision.MessageId | Should -Be "line`r`nbreak, `"quoted`""
        $decision.Reason | Should -Be "No origin: tab`there, bell$([char]7), backslash \ and $([char]0x2028)."
    }

    It 'derives the sender domain' {
        $decisions = @(& $script:GetDecision -Path $script:LogFile)

        $decisions.SenderDomain | Should -Be @('example.com', 'sub.example.net', 'bounce.example.org', 'example.org')
    }

    It 'filters by <Name>' -ForEach @(
        @{ Name = 'result'; Filter = @{ Result = 'fail', 'softfail' }; Expected = @('08DC69A1B2C3D4E5', '08DC69A1B2C3D4E8') }
        @{ Name = 'action'; Filter = @{ Action = 'Stamp' }; Expected = @('08DC69A1B2C3D4E6', '08DC69A1B2C3D4E7') }
        @{ Name = 'domain'; Filter = @{ SenderDomain = 'example.com' }; Expected = @('08DC69A1B2C3D4E5') }
        @{ Name = 'domain wildcard'; Filter = @{ SenderDomain = '*.example.net', '*.org' }; Expected = @('08DC69A1B2C3D4E6', '08DC69A1B2C3D4E7', '08DC69A1B2C3D4E8') }
        @{ Name = 'IPv4 range'; Filter = @{ OriginIP = '203.0.113.0/24' }; Expected = @('08DC69A1B2C3D4E5', '08DC69A1B2C3D4E8') }
        @{ Name = 'IPv4 address'; Filter = @{ OriginIP = '203.0.113.5' }; Expected = @('08DC69A1B2C3D4E5') }
        @{ Name = 'IPv6 range'; Filter = @{ OriginIP = '2001:db8::/32' }; Expected = @('08DC69A1B2C3D4E6') }
        @{ Name = 'combination'; Filter = @{ Action = 'Reject', 'Discard'; OriginIP = '203.0.113.9' }; Expected = @('08DC69A1B2C3D4E8') }
    ) {
        $decisions = @(& $script:GetDecision -Path $script:LogFile @Filter)

        $decisions.SessionId | Should -Be $Expected
    }

    It 'filters by time' {
        $start = [datetime]::new(2024, 5, 1, 9, 0, 0, [System.DateTimeKind]::Utc)
        $end = [datetime]::new(2024, 5, 1, 11, 0, 0, [System.DateTimeKind]::Utc)

        $decisions = @(& $script:GetDecision -Path $script:LogFile -Start $start -End $end)

        $decisions.SessionId | Should -Be @('08DC69A1B2C3D4E6', '08DC69A1B2C3D4E7')
    }

    It 'reads a folder in order' {
        Write-DecisionLog -Path (Join-Path -Path $script:Logs -ChildPath 'Decision_20240430.log') -Date '2024-04-30' -Line @(
            New-DecisionLine '2024-04-30T23:59:59.999Z', '0000000000000001', '', '', '', '', '', '', '', '', 'none', '', 'Stamp', '', '0', '0', '0', ''
        )
        Set-Content -LiteralPath (Join-Path -Path $script:Logs -ChildPath 'Diagnostic_20240501.log') -Value 'not a decision log'

        $decisions = @(& $script:GetDecision -Path $script:Logs)

        $decisions.Count | Should -Be 5
        $decisions[0].SessionId | Should -Be '0000000000000001'
    }

    It 'skips files of other days' {
        $other = Join-Path -Path $script:Logs -ChildPath 'Decision_20240430.log'
        Set-Content -LiteralPath $other -Value 'garbage that would fail to parse'

        $decisions = @(& $script:GetDecision -Path $script:Logs -Start ([datetime]::new(2024, 5, 1, 0, 0, 0, [System.DateTimeKind]::Utc)))

        $decisions.Count | Should -Be 4
    }

    It 'takes paths from the pipeline' {
        $decisions = @(Get-ChildItem -LiteralPath $script:Logs -Filter 'Decision_*.log' | & $script:GetDecision -Result pass)

        $decisions.SessionId | Should -Be @('08DC69A1B2C3D4E6')
    }

    It 'defaults to the installed log folder' {
        $agent = Join-Path -Path $env:ProgramFiles -ChildPath 'ExchangeSpfAgent'
        New-Item -ItemType Directory -Path $agent | Out-Null
        Set-Content -LiteralPath (Join-Path -Path $agent -ChildPath 'ExchangeSpfAgent.config.xml') `
            -Value "<ExchangeSpfAgent><Logging><Folder>$script:Logs</Folder></Logging></ExchangeSpfAgent>"

        $decisions = @(& $script:GetDecision -Action Reject)

        $decisions.SessionId | Should -Be @('08DC69A1B2C3D4E5')
    }

    It 'rejects an invalid OriginIP <Value>' -ForEach @(
        @{ Value = 'mail.example.com' }
        @{ Value = '192.0.2.0/40' }
    ) {
        { & $script:GetDecision -Path $script:LogFile -OriginIP $Value } | Should -Throw -ExpectedMessage '*-OriginIP*'
    }

    It 'reports a missing path' {
        { & $script:GetDecision -Path (Join-Path -Path $script:Logs -ChildPath 'missing.log') } |
            Should -Throw -ExpectedMessage '*missing.log*was not found*'
    }

    It 'reports data before the header' {
        Set-Content -LiteralPath $script:LogFile -Value '"2024-05-01T08:00:00.000Z","x"'

        { & $script:GetDecision -Path $script:LogFile } | Should -Throw -ExpectedMessage '*data at line 1 before its #Fields: line*'
    }

    It 'reports an invalid time' {
        Write-DecisionLog -Path $script:LogFile -Line @(New-DecisionLine 'yesterday', 'x')

        { & $script:GetDecision -Path $script:LogFile } | Should -Throw -ExpectedMessage "*invalid time 'yesterday'*"
    }
}
