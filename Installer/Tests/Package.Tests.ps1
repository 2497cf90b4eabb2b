# Checks the zip files that scripts/pack and scripts/pack.ps1 build. scripts/test-installer builds them and passes
# their paths in EXCHANGESPFAGENT_PACKAGES, separated by the platform's path separator.

BeforeDiscovery {
    $script:Packages = @("$env:EXCHANGESPFAGENT_PACKAGES".Split([System.IO.Path]::PathSeparator) |
            Where-Object { $_ } | ForEach-Object { @{ Zip = $_; Name = (Split-Path -Path (Split-Path -Path $_ -Parent) -Leaf) + '/' + (Split-Path -Path $_ -Leaf) } })
}

BeforeAll {
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $script:Installer = Split-Path -Path $PSScriptRoot -Parent
    $script:Repository = Split-Path -Path $script:Installer -Parent
    [xml] $project = Get-Content -LiteralPath (Join-Path -Path $script:Repository -ChildPath 'Agent/ExchangeSpfAgent.csproj') -Raw
    $script:Version = @($project.Project.PropertyGroup | ForEach-Object { $_.PSObject.Properties['Version'] } | Where-Object { $_ })[0].Value
    $script:Root = "ExchangeSpfAgent-$script:Version/"

    function Get-ZipEntryName
    {
        param([string] $Zip)

        $archive = [System.IO.Compression.ZipFile]::OpenRead($Zip)
        try
        {
            # Entry names are kept as stored, so a backslash separator, which other zip tools misread, fails the checks.
            @($archive.Entries | Where-Object { -not $_.FullName.EndsWith('/') } | ForEach-Object { $_.FullName })
        }
        finally
        {
            $archive.Dispose()
        }
    }

    function Get-TargetFramework
    {
        <# Returns the TargetFrameworkAttribute value of an assembly, read from its metadata without loading it. #>
        param([string] $Path)

        $stream = [System.IO.File]::OpenRead($Path)
        try
        {
            $peReader = New-Object System.Reflection.PortableExecutable.PEReader $stream
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($peReader)
            foreach ($handle in $reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                $attribute = $reader.GetCustomAttribute($handle)
                if ($attribute.Constructor.Kind -ne [System.Reflection.Metadata.HandleKind]::MemberReference)
                {
                    continue
                }

                $member = $reader.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle]$attribute.Constructor)
                $type = $reader.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle]$member.Parent)
                if ($reader.GetString($type.Name) -eq 'TargetFrameworkAttribute')
                {
                    # A custom attribute blob starts with the prolog 0x0001, then the constructor's string argument.
                    $blob = $reader.GetBlobReader($attribute.Value)
                    $blob.ReadUInt16() | Out-Null
                    return $blob.ReadSerializedString()
                }
            }
        }
        finally
        {
            $stream.Dispose()
        }
    }
}

Describe 'package list' {
    It 'names at least one package' {
        $script:Packages = @("$env:EXCHANGESPFAGENT_PACKAGES".Split([System.IO.Path]::PathSeparator) | Where-Object { $_ })

        $script:Packages.Count | Should -BeGreaterThan 0 -Because 'scripts/test-installer passes the built zip files in EXCHANGESPFAGENT_PACKAGES'
    }
}

Describe 'package <Name>' -ForEach $script:Packages {
    BeforeAll {
        $script:Entries = Get-ZipEntryName -Zip $Zip
        $script:Extracted = Join-Path -Path $TestDrive -ChildPath ([guid]::NewGuid().ToString('N'))
        [System.IO.Compression.ZipFile]::ExtractToDirectory($Zip, $script:Extracted)
        $script:PackageFolder = Join-Path -Path $script:Extracted -ChildPath "ExchangeSpfAgent-$script:Version"
    }

    It 'is named after the version' {
        Split-Path -Path $Zip -Leaf | Should -Be "ExchangeSpfAgent-$script:Version.zip"
    }

    It 'has one top folder' {
        $script:Entries | Where-Object { -not $_.StartsWith($script:Root) } | Should -BeNullOrEmpty
    }

    It 'contains <File>' -ForEach @(
        @{ File = 'Agent/ExchangeSpfAgent.dll' }
        @{ File = 'Agent/ExchangeSpfAgent.config.xml' }
        @{ File = 'Agent/NLog.dll' }
        @{ File = 'Agent/DnsClient.dll' }
        @{ File = 'INSTALL.txt' }
        @{ File = 'Install-ExchangeSpfAgent.ps1' }
        @{ File = 'Update-ExchangeSpfAgent.ps1' }
        @{ File = 'Uninstall-ExchangeSpfAgent.ps1' }
        @{ File = 'Set-ExchangeSpfAgentConnectorScope.ps1' }
        @{ File = 'Get-ExchangeSpfAgentDecision.ps1' }
    ) {
        $script:Entries | Should -Contain ($script:Root + $File)
    }

    It 'contains every shared script' {
        foreach ($file in Get-ChildItem -LiteralPath (Join-Path -Path $script:Installer -ChildPath 'Private') -Filter '*.ps1')
        {
            $script:Entries | Should -Contain "$($script:Root)Private/$($file.Name)"
        }
    }

    It 'contains only agent, configuration and scripts' {
        $allowed = @(
            "^$([regex]::Escape($script:Root))Agent/[^/]+\.dll$"
            "^$([regex]::Escape($script:Root))Agent/(ExchangeSpfAgent\.config\.xml|NLog\.config)$"
            "^$([regex]::Escape($script:Root))(Private/)?[^/]+\.ps1$"
            "^$([regex]::Escape($script:Root))INSTALL\.txt$"
        )

        $script:Entries | Where-Object { $entry = $_; @($allowed | Where-Object { $entry -match $_ }).Count -eq 0 } |
            Should -BeNullOrEmpty
    }

    It 'has no contract assembly' {
        $script:Entries | Where-Object { $_ -match '/Microsoft\.Exchange\.[^/]*$' } | Should -BeNullOrEmpty
    }

    It 'has no test or debug file' {
        $script:Entries | Where-Object { $_ -match '\.(pdb|deps\.json|runtimeconfig\.json|dll\.config)$|Tests?\b|xunit|\.Tests\.ps1$' } |
            Should -BeNullOrEmpty
    }

    It 'ships the repository configuration and scripts' {
        $configuration = Join-Path -Path $script:PackageFolder -ChildPath 'Agent/ExchangeSpfAgent.config.xml'
        (Get-FileHash -LiteralPath $configuration).Hash |
            Should -Be (Get-FileHash -LiteralPath (Join-Path -Path $script:Repository -ChildPath 'Agent/ExchangeSpfAgent.config.xml')).Hash

        foreach ($script in Get-ChildItem -LiteralPath $script:Installer -Filter '*.ps1')
        {
            (Get-FileHash -LiteralPath (Join-Path -Path $script:PackageFolder -ChildPath $script.Name)).Hash |
                Should -Be (Get-FileHash -LiteralPath $script.FullName).Hash -Because "$($script.Name) must match the repository"
        }
    }

    It 'ships the net48 agent of this version' {
        $agent = Join-Path -Path $script:PackageFolder -ChildPath 'Agent/ExchangeSpfAgent.dll'
        $name = [System.Reflection.AssemblyName]::GetAssemblyName($agent)

        $name.Name | Should -Be 'ExchangeSpfAgent'
        # The assembly version is the project version without a pre-release suffix, padded to four parts.
        $projectVersion = [version]($script:Version.Split('-')[0])
        $expected = New-Object System.Version $projectVersion.Major, $projectVersion.Minor, ([math]::Max($projectVersion.Build, 0)), ([math]::Max($projectVersion.Revision, 0))
        $name.Version | Should -Be $expected
        Get-TargetFramework -Path $agent | Should -Be '.NETFramework,Version=v4.8'
    }
}
