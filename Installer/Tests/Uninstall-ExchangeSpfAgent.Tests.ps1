BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSupport.ps1')
    $script:Uninstall = Join-Path -Path $script:InstallerRoot -ChildPath 'Uninstall-ExchangeSpfAgent.ps1'

    function Install-TestAgent
    {
        param([string[]] $TransportService = @('FrontEnd'))

        $install = Join-Path -Path $script:InstallerRoot -ChildPath 'Install-ExchangeSpfAgent.ps1'
        & $install -TransportService $TransportService -Path $script:Target -SourcePath $script:Source | Out-Null
        Set-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'Logs/Decision_20240501.log') -Value 'decisions'
        $global:FakeExchange.Calls.Clear()
    }
}

Describe 'Uninstall-ExchangeSpfAgent' {
    BeforeEach {
        Initialize-FakeExchange
        $script:Root = $global:FakeExchange.Root
        $script:Source = New-FakePackage -Path (Join-Path -Path $script:Root -ChildPath 'package/Agent')
        $script:Target = Join-Path -Path $script:Root -ChildPath 'Agent'
    }

    AfterEach {
        Reset-FakeExchange
    }

    It 'removes the agent from <Service>' -ForEach @(
        @{ Service = 'FrontEnd'; ServiceName = 'MSExchangeFrontEndTransport' }
        @{ Service = 'Hub'; ServiceName = 'MSExchangeTransport' }
        @{ Service = 'Edge'; ServiceName = 'MSExchangeTransport' }
    ) {
        Install-TestAgent -TransportService $Service

        $status = & $script:Uninstall -TransportService $Service

        $global:FakeExchange.Calls | Should -Be @(
            "Disable-TransportAgent $Service", "Uninstall-TransportAgent $Service", "Restart-Service $ServiceName"
        )
        Should -Invoke Disable-TransportAgent -Times 1 -Exactly -ParameterFilter { $Identity -eq 'ExchangeSpfAgent' -and $TransportService -eq $Service }
        Should -Invoke Uninstall-TransportAgent -Times 1 -Exactly -ParameterFilter { $Identity -eq 'ExchangeSpfAgent' -and $TransportService -eq $Service }
        $status.Registered | Should -BeFalse
        Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll' | Should -Exist
    }

    It 'skips a disabled agent''s disable' {
        Install-TestAgent
        $global:FakeExchange.Agents[0].Enabled = $false

        & $script:Uninstall | Out-Null

        Should -Invoke Disable-TransportAgent -Times 0 -Exactly
        Should -Invoke Uninstall-TransportAgent -Times 1 -Exactly
    }

    It 'rerun changes nothing' {
        Install-TestAgent
        & $script:Uninstall | Out-Null
        $global:FakeExchange.Calls.Clear()

        & $script:Uninstall | Out-Null

        $global:FakeExchange.Calls | Should -BeNullOrEmpty
    }

    It 'RemoveFiles keeps the logs' {
        Install-TestAgent

        & $script:Uninstall -RemoveFiles | Out-Null

        @(Get-ChildItem -LiteralPath $script:Target | ForEach-Object { $_.Name }) | Should -Be @('Logs')
        Join-Path -Path $script:Target -ChildPath 'Logs/Decision_20240501.log' | Should -Exist
        Should -Invoke Remove-EventLog -Times 1 -Exactly -ParameterFilter { $Source -eq 'ExchangeSpfAgent' }
    }

    It 'RemoveLogs deletes everything' {
        Install-TestAgent

        & $script:Uninstall -RemoveFiles -RemoveLogs | Out-Null

        $script:Target | Should -Not -Exist
    }

    It 'deletes a log folder elsewhere' {
        Install-TestAgent
        $logs = Join-Path -Path $script:Root -ChildPath 'SpfLogs'
        New-Item -ItemType Directory -Path $logs | Out-Null
        Set-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.xml') `
            -Value "<ExchangeSpfAgent><Logging><Folder>$logs</Folder></Logging></ExchangeSpfAgent>"

        & $script:Uninstall -RemoveLogs | Out-Null

        $logs | Should -Not -Exist
        Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll' | Should -Exist
    }

    It 'WhatIf changes nothing' {
        Install-TestAgent

        & $script:Uninstall -RemoveFiles -RemoveLogs -WhatIf

        $global:FakeExchange.Calls | Should -BeNullOrEmpty
        $global:FakeExchange.Agents.Count | Should -Be 1
        Join-Path -Path $script:Target -ChildPath 'Logs/Decision_20240501.log' | Should -Exist
        Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll' | Should -Exist
    }

    It 'NoRestart warns instead' {
        Install-TestAgent
        $warnings = @()

        & $script:Uninstall -NoRestart -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        Get-FakeCall -Command 'Restart-Service' | Should -BeNullOrEmpty
        ($warnings -join ' ') | Should -Match 'Restart-Service MSExchangeFrontEndTransport'
    }

    It 'rejects NoRestart with RemoveFiles' {
        { & $script:Uninstall -NoRestart -RemoveFiles } | Should -Throw -ExpectedMessage '*-NoRestart cannot be combined with -RemoveFiles*'
    }

    It 'keeps files another service loads' {
        Install-TestAgent -TransportService FrontEnd, Hub

        { & $script:Uninstall -TransportService FrontEnd -RemoveFiles } |
            Should -Throw -ExpectedMessage '*Hub transport service still loads the agent*-TransportService FrontEnd, Hub*'

        Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll' | Should -Exist
    }

    It 'refuses a foreign folder' {
        $foreign = Join-Path -Path $script:Root -ChildPath 'Foreign'
        New-Item -ItemType Directory -Path $foreign | Out-Null
        Set-Content -LiteralPath (Join-Path -Path $foreign -ChildPath 'other.txt') -Value 'keep'

        { & $script:Uninstall -Path $foreign -RemoveFiles } |
            Should -Throw -ExpectedMessage '*contains neither ExchangeSpfAgent.dll nor ExchangeSpfAgent.config.xml*'

        Join-Path -Path $foreign -ChildPath 'other.txt' | Should -Exist
    }

    It 'reports a failed <Command>' -ForEach @(
        @{ Command = 'Disable-TransportAgent'; Expected = "*Disable-TransportAgent 'ExchangeSpfAgent' failed*Simulated failure.*Nothing was uninstalled*" }
        @{ Command = 'Remove-EventLog'; Expected = "*event source 'ExchangeSpfAgent' could not be deleted: Simulated failure.*" }
        @{ Command = 'Remove-Item'; Expected = '*Deleting the agent files*failed: Simulated failure.*restart it and run the script again*' }
    ) {
        Install-TestAgent
        Mock $Command { throw 'Simulated failure.' }

        { & $script:Uninstall -RemoveFiles } | Should -Throw -ExpectedMessage $Expected
    }

    It 'reports a failed uninstall' {
        Install-TestAgent
        Mock Uninstall-TransportAgent { throw 'Access denied.' }

        { & $script:Uninstall } | Should -Throw -ExpectedMessage '*Uninstall-TransportAgent*failed*Access denied.*'

        Get-FakeCall -Command 'Restart-Service' | Should -BeNullOrEmpty
    }
}
