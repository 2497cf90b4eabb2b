BeforeDiscovery {
    $installer = Split-Path -Path $PSScriptRoot -Parent
    $repository = Split-Path -Path $installer -Parent
    $shipped = @(
        Get-ChildItem -LiteralPath $installer -Filter '*.ps1' -File
        Get-ChildItem -LiteralPath (Join-Path -Path $installer -ChildPath 'Private') -Filter '*.ps1' -File
        Get-Item -LiteralPath (Join-Path -Path (Join-Path -Path $repository -ChildPath 'scripts') -ChildPath 'pack.ps1')
    )
    $script:ShippedFiles = @($shipped | ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
    $script:AllFiles = $script:ShippedFiles + @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.ps1' -File |
            ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
    $script:EntryScripts = @(Get-ChildItem -LiteralPath $installer -Filter '*.ps1' -File |
            ForEach-Object { @{ Name = $_.Name; Path = $_.FullName; ReadOnly = $_.Name -like 'Get-*' } })
}

BeforeAll {
    $script:PrivateFolder = Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'Private'

    # Commands that Windows PowerShell 5.1 ships, the Exchange cmdlets and the programs the scripts run.
    $script:AvailableCommands = @(
        'Add-Member', 'Add-PSSnapin', 'Add-Type', 'Compare-Object', 'ConvertFrom-Csv', 'ConvertTo-Csv', 'Copy-Item',
        'ForEach-Object', 'Format-List', 'Format-Table', 'Get-ChildItem', 'Get-Command', 'Get-Content', 'Get-Date',
        'Get-FileHash', 'Get-Item', 'Get-ItemProperty', 'Get-Member', 'Get-PSSnapin', 'Get-Service', 'Group-Object',
        'Import-Csv', 'Join-Path', 'Measure-Object', 'Move-Item', 'New-EventLog', 'New-Item', 'New-Object', 'Out-File',
        'Out-Null', 'Out-String', 'Remove-EventLog', 'Remove-Item', 'Rename-Item', 'Resolve-Path', 'Restart-Service',
        'Select-Object', 'Set-Content', 'Set-Item', 'Set-StrictMode', 'Sort-Object', 'Split-Path', 'Start-Service',
        'Stop-Service', 'Test-Path', 'Unblock-File', 'Where-Object', 'Write-Error', 'Write-Output', 'Write-Verbose',
        'Write-Warning',
        'Disable-TransportAgent', 'Enable-TransportAgent', 'Get-ReceiveConnector', 'Get-TransportAgent',
        'Install-TransportAgent', 'Set-TransportAgent', 'Uninstall-TransportAgent',
        'dotnet', 'icacls.exe'
    )

    # Parameters and values that only PowerShell 6 and later accept.
    $script:NewerParameters = @('AsByteStream', 'Parallel', 'ThrottleLimit', 'AsHashtable', 'SkipHeaderValidation', 'NoEnumerate')
    $script:NewerValues = @('utf8NoBOM', 'utf8BOM')
    $script:NewerVariables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle')

    function Get-ScriptAst
    {
        param([string] $Path)

        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        [pscustomobject]@{ Ast = $ast; Errors = $errors }
    }

    function Find-Ast
    {
        param($Ast, [scriptblock] $Predicate)

        @($Ast.FindAll($Predicate, $true))
    }

    function Get-DefinedFunction
    {
        $names = @()
        foreach ($file in Get-ChildItem -LiteralPath $script:PrivateFolder -Filter '*.ps1')
        {
            $names += @(Find-Ast (Get-ScriptAst $file.FullName).Ast { $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] } |
                    ForEach-Object { $_.Name })
        }

        $names
    }
}

Describe 'every script file' {
    It '<Name> parses' -ForEach $script:AllFiles {
        $parsed = Get-ScriptAst $Path

        $parsed.Errors | Should -BeNullOrEmpty
    }
}

Describe 'shipped script <Name>' -ForEach $script:ShippedFiles {
    BeforeAll {
        $script:Parsed = (Get-ScriptAst $Path).Ast
    }

    It 'is ASCII' {
        # Windows PowerShell 5.1 reads a file without a byte order mark in the ANSI code page.
        $bytes = [System.IO.File]::ReadAllBytes($Path)

        @($bytes | Where-Object { $_ -gt 127 }).Count | Should -Be 0
    }

    It 'uses Windows PowerShell 5.1 commands' {
        $defined = @(Get-DefinedFunction) + @(Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] } |
                ForEach-Object { $_.Name })
        $commands = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.CommandAst] } |
            ForEach-Object { $_.GetCommandName() } | Where-Object { $_ } | Sort-Object -Unique

        $commands | Where-Object { $script:AvailableCommands -notcontains $_ -and $defined -notcontains $_ } | Should -BeNullOrEmpty
    }

    It 'uses Windows PowerShell 5.1 syntax' {
        $newerSyntax = Find-Ast $script:Parsed {
            $node = $args[0]
            $node.GetType().Name -in 'TernaryExpressionAst', 'PipelineChainAst' -or
            ($node -is [System.Management.Automation.Language.BinaryExpressionAst] -and "$($node.Operator)" -eq 'QuestionQuestion') -or
            ($node -is [System.Management.Automation.Language.AssignmentStatementAst] -and "$($node.Operator)" -eq 'QuestionQuestionEquals') -or
            ($node -is [System.Management.Automation.Language.MemberExpressionAst] -and $node.NullConditional)
        }

        $newerSyntax | ForEach-Object { $_.Extent.Text } | Should -BeNullOrEmpty
    }

    It 'uses Windows PowerShell 5.1 parameters' {
        $parameters = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.CommandParameterAst] } |
            ForEach-Object { $_.ParameterName }
        $values = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.StringConstantExpressionAst] } |
            ForEach-Object { $_.Value }
        $variables = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.VariableExpressionAst] } |
            ForEach-Object { $_.VariablePath.UserPath }

        $parameters | Where-Object { $script:NewerParameters -contains $_ } | Should -BeNullOrEmpty
        $values | Where-Object { $script:NewerValues -contains $_ } | Should -BeNullOrEmpty
        $variables | Where-Object { $script:NewerVariables -contains $_ } | Should -BeNullOrEmpty
    }

    It 'never prompts, exits or writes to the host' {
        $commands = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.CommandAst] } |
            ForEach-Object { $_.GetCommandName() }
        $exits = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.ExitStatementAst] }

        $commands | Where-Object { $_ -in 'Read-Host', 'Write-Host', 'Pause' } | Should -BeNullOrEmpty
        $exits | Should -BeNullOrEmpty
        Get-Content -LiteralPath $Path -Raw | Should -Not -Match 'C:\\Program Files'
    }

    It 'sets strict mode' {
        $strict = @(Find-Ast $script:Parsed {
            $args[0] -is [System.Management.Automation.Language.CommandAst] -and $args[0].GetCommandName() -eq 'Set-StrictMode'
        })

        $strict.Count | Should -BeGreaterThan 0
        $strict[0].Extent.Text | Should -Be 'Set-StrictMode -Version Latest'
    }

    It 'documents each function' {
        $functions = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }

        foreach ($function in $functions)
        {
            $help = $function.GetHelpContent()
            $help | Should -Not -BeNullOrEmpty -Because "$($function.Name) needs comment-based help"
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because "$($function.Name) needs a .SYNOPSIS"
            $function.Body.ParamBlock.Attributes.TypeName.Name | Should -Contain 'CmdletBinding' -Because "$($function.Name) is an advanced function"
        }
    }

    It 'asks before changes' {
        $functions = Find-Ast $script:Parsed { $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }

        foreach ($function in $functions | Where-Object { $_.Body.Extent.Text -match 'ShouldProcess\(' })
        {
            $function.Body.ParamBlock.Attributes.Extent.Text | Should -Contain '[CmdletBinding(SupportsShouldProcess)]' -Because "$($function.Name) calls ShouldProcess"
        }
    }
}

Describe 'entry script <Name>' -ForEach $script:EntryScripts {
    BeforeAll {
        $script:Parsed = (Get-ScriptAst $Path).Ast
        $script:Help = $script:Parsed.GetHelpContent()
    }

    It 'has help' {
        $script:Help.Synopsis | Should -Not -BeNullOrEmpty
        $script:Help.Description | Should -Not -BeNullOrEmpty
        $script:Help.Examples.Count | Should -BeGreaterThan 0
    }

    It 'documents every parameter' {
        $parameters = $script:Parsed.ParamBlock.Parameters | ForEach-Object { $_.Name.VariablePath.UserPath.ToUpperInvariant() }

        foreach ($parameter in $parameters)
        {
            $script:Help.Parameters.Keys | Should -Contain $parameter
        }
    }

    It 'declares CmdletBinding' {
        $attribute = $script:Parsed.ParamBlock.Attributes | Where-Object { $_.TypeName.Name -eq 'CmdletBinding' }

        $attribute | Should -Not -BeNullOrEmpty
        if (-not $ReadOnly)
        {
            $attribute.Extent.Text | Should -Match 'SupportsShouldProcess'
        }
    }
}
