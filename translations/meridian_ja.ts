<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Meridian::ApiWorker</name>
    <message>
        <location filename="../src/worker/apiworker.cpp" line="+69" />
        <source>No kubeconfig was found (looked at --kubeconfig, $KUBECONFIG and ~/.kube/config).</source>
        <translation>kubeconfig が見つかりません（--kubeconfig、$KUBECONFIG、~/.kube/config を確認しました）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The kubeconfig (%1) defines no contexts.</source>
        <translation>kubeconfig (%1) にコンテキストが定義されていません。</translation>
    </message>
    <message>
        <location line="+41" />
        <source>The Karmada engine is not available yet; use the Direct engine.</source>
        <translation>Karmada エンジンはまだ利用できません。Direct エンジンを使用してください。</translation>
    </message>
</context>
<context>
    <name>Meridian::Cli</name>
    <message>
        <location filename="../src/cli/cli.cpp" line="+16" />
        <source>Usage: meridianctl COMMAND [options]

Commands:
  clusters   List the member clusters of a kubeconfig with their state
  get        Show clusters or federated workloads (get clusters|workloads)
  plan       Compute a replica placement plan from preferences

Options:
  --version  Print the version
  --help     Print this help; COMMAND --help prints a command's help
</source>
        <translation>使い方: meridianctl コマンド [オプション]

コマンド:
  clusters   kubeconfig のメンバー クラスタを状態とともに一覧表示します
  get        クラスタまたはフェデレーション ワークロードを表示します (get clusters|workloads)
  plan       設定からレプリカ配置プランを計算します

オプション:
  --version  バージョンを表示します
  --help     このヘルプを表示します。コマンド --help で各コマンドのヘルプを表示します
</translation>
    </message>
    <message>
        <location line="+37" />
        <source>meridianctl: unknown command "%1"

</source>
        <translation>meridianctl: 不明なコマンド "%1"

</translation>
    </message>
    <message>
        <location filename="../src/cli/clusterscommand.cpp" line="+25" />
        <location filename="../src/cli/getcommand.cpp" line="+78" />
        <location line="+41" />
        <source>NAME</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+1" />
        <source>CONTEXT</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+1" />
        <source>VERSION</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+1" />
        <source>NODES</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+1" />
        <source>REGION</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+1" />
        <source>STATE</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+1" />
        <source>REASON</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+21" />
        <source>List the member clusters of a kubeconfig, each queried in parallel, with version, nodes, region and state.</source>
        <translation>kubeconfig のメンバー クラスタを並行して問い合わせ、バージョン、ノード、リージョン、状態を一覧表示します。</translation>
    </message>
    <message>
        <location line="+4" />
        <location filename="../src/cli/getcommand.cpp" line="+32" />
        <source>Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).</source>
        <translation>kubeconfig ファイル（既定: $KUBECONFIG、次に ~/.kube/config）。</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+1" />
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A context to query; repeat for more (default: all).</source>
        <translation>問い合わせるコンテキスト。複数指定できます（既定: すべて）。</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+3" />
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Output format: table or json.</source>
        <translation>出力形式: table または json。</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../src/cli/getcommand.cpp" line="+12" />
        <source>format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="+13" />
        <source>meridianctl clusters: unexpected argument "%1"
</source>
        <translation>meridianctl clusters: 予期しない引数 "%1"
</translation>
    </message>
    <message>
        <location line="+6" />
        <source>meridianctl clusters: unknown output format "%1" (use table or json)
</source>
        <translation>meridianctl clusters: 不明な出力形式 "%1"（table または json を指定してください）
</translation>
    </message>
    <message>
        <location filename="../src/cli/plancommand.cpp" line="+25" />
        <source>usage: meridianctl plan --prefs FILE|- --total N --clusters A,B,C [--current A=4,B=8] [--capacity B=10] [--key NAMESPACE/NAME] [--engine federation|karmada] [-o json|table]</source>
        <translation>使い方: meridianctl plan --prefs ファイル|- --total N --clusters A,B,C [--current A=4,B=8] [--capacity B=10] [--key 名前空間/名前] [--engine federation|karmada] [-o json|table]</translation>
    </message>
    <message>
        <location line="+25" />
        <source>%1: must be an integer ≥ 0, got "%2"</source>
        <translation>%1: 0 以上の整数である必要がありますが、"%2" が指定されました</translation>
    </message>
    <message>
        <location line="+15" />
        <source>--clusters: empty cluster name in "%1"</source>
        <translation>--clusters: "%1" に空のクラスタ名があります</translation>
    </message>
    <message>
        <location line="+6" />
        <source>--clusters: %1 is listed twice</source>
        <translation>--clusters: %1 が 2 回指定されています</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1: expected CLUSTER=N, got "%2"</source>
        <translation>%1: クラスタ=N の形式が必要ですが、"%2" が指定されました</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2 is given twice</source>
        <translation>%1: %2 が 2 回指定されています</translation>
    </message>
    <message>
        <location line="+36" />
        <source>unknown argument "%1"</source>
        <translation>不明な引数 "%1"</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 needs a value</source>
        <translation>%1 には値が必要です</translation>
    </message>
    <message>
        <location line="+32" />
        <source>--engine: must be federation or karmada, got "%1"</source>
        <translation>--engine: federation または karmada を指定してください（"%1" が指定されました）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>-o: must be json or table, got "%1"</source>
        <translation>-o: json または table を指定してください（"%1" が指定されました）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>--prefs is required</source>
        <translation>--prefs は必須です</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--clusters is required</source>
        <translation>--clusters は必須です</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1: %2 is not in --clusters</source>
        <translation>%1: %2 は --clusters に含まれていません</translation>
    </message>
    <message>
        <location line="+18" />
        <source>--prefs: cannot read %1: %2</source>
        <translation>--prefs: %1 を読み込めません: %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>CLUSTER</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location filename="../src/cli/getcommand.cpp" line="-106" />
        <source>template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location line="+2" />
        <source>images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>replicas</source>
        <translation>レプリカ数</translation>
    </message>
    <message>
        <location line="+6" />
        <source>NAMESPACE</source>
        <translation>名前空間</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CLUSTERS</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DESIRED</source>
        <translation>必要数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>UPDATED</source>
        <translation>更新済み</translation>
    </message>
    <message>
        <location line="+1" />
        <source>READY</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+1" />
        <source>AVAILABLE</source>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+1" />
        <source>DRIFT</source>
        <translation>差異</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../src/cli/plancommand.cpp" line="+1" />
        <source>PLAN</source>
        <translation>プラン</translation>
    </message>
    <message>
        <location line="+0" />
        <source>IMAGES</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+0" />
        <source>REVISIONS</source>
        <translation>リビジョン</translation>
    </message>
    <message>
        <location line="+41" />
        <source>SERVER</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Show the member clusters, or the federated workloads (Deployments sharing a namespace and name across the members), with per-cluster status and drift.</source>
        <translation>メンバー クラスタ、またはフェデレーション ワークロード（メンバー間で名前空間と名前が同じ Deployment）を、クラスタごとの状態と差異とともに表示します。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>clusters or workloads</source>
        <translation>clusters または workloads</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A member context; repeat for more (default: all).</source>
        <translation>メンバーのコンテキスト。複数指定できます（既定: すべて）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Namespace of the workloads (default: default).</source>
        <translation>ワークロードの名前空間（既定: default）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>namespace</source>
        <translation>名前空間</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Workloads of every namespace.</source>
        <translation>すべての名前空間のワークロード。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Federation engine: direct or karmada.</source>
        <translation>フェデレーション エンジン: direct または karmada。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Output format: table, wide or json.</source>
        <translation>出力形式: table、wide、json のいずれか。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>meridianctl get: say what to get: clusters or workloads
</source>
        <translation>meridianctl get: 取得する対象（clusters または workloads）を指定してください
</translation>
    </message>
    <message>
        <location line="+6" />
        <source>meridianctl get: unknown output format "%1" (use table, wide or json)
</source>
        <translation>meridianctl get: 不明な出力形式 "%1"（table、wide、json のいずれかを指定してください）
</translation>
    </message>
    <message>
        <location line="+7" />
        <source>meridianctl get: unknown engine "%1" (use direct or karmada)
</source>
        <translation>meridianctl get: 不明なエンジン "%1"（direct または karmada を指定してください）
</translation>
    </message>
    <message>
        <location line="+5" />
        <source>meridianctl get: -n and -A exclude each other
</source>
        <translation>meridianctl get: -n と -A は同時に指定できません
</translation>
    </message>
    <message>
        <location line="+99" />
        <source>warning: %1 could not be read: %2
</source>
        <translation>警告: %1 を読み取れませんでした: %2
</translation>
    </message>
    <message>
        <location filename="../src/cli/plancommand.cpp" line="+1" />
        <source>OVERFLOW</source>
        <translation>オーバーフロー</translation>
    </message>
    <message>
        <location line="+37" />
        <source>meridianctl plan: %1</source>
        <translation>meridianctl plan: %1</translation>
    </message>
    <message>
        <location line="+20" />
        <source>standard input</source>
        <translation>標準入力</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>meridianctl plan: note: %1</source>
        <translation>meridianctl plan: 注意: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>--total is required (the preferences do not give a total)</source>
        <translation>--total は必須です（設定に合計数が含まれていません）</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+24" />
        <source>meridianctl plan: note: not carried over: %1</source>
        <translation>meridianctl plan: 注意: 引き継がれない項目: %1</translation>
    </message>
</context>
<context>
    <name>Meridian::ClusterModel</name>
    <message>
        <location filename="../src/models/clustermodel.cpp" line="+26" />
        <source>Connecting</source>
        <comment>cluster state</comment>
        <translation>接続中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ready</source>
        <comment>cluster state</comment>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Degraded</source>
        <comment>cluster state</comment>
        <translation>低下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unreachable</source>
        <comment>cluster state</comment>
        <translation>到達不能</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unauthorized</source>
        <comment>cluster state</comment>
        <translation>認証エラー</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forbidden</source>
        <comment>cluster state</comment>
        <translation>権限なし</translation>
    </message>
    <message>
        <location line="+35" />
        <source>%1/%2</source>
        <comment>nodes ready/total</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>TLS verification is off (insecure-skip-tls-verify in the kubeconfig)</source>
        <translation>TLS 検証が無効です（kubeconfig の insecure-skip-tls-verify）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Warning: the kubeconfig turns TLS verification off for this cluster; its identity is not checked.</source>
        <translation>警告: kubeconfig がこのクラスタの TLS 検証を無効にしています。サーバーの身元は確認されません。</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API server</source>
        <translation>API サーバー</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version</source>
        <comment>Kubernetes version</comment>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nodes</source>
        <comment>ready/total</comment>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>Meridian::ConsoleSettings</name>
    <message>
        <location filename="../ui/settings/consolesettings.cpp" line="+110" />
        <source>“%1” is not “latitude,longitude” (for example 35.68,139.69)</source>
        <translation>“%1” は「緯度,経度」の形式ではありません（例: 35.68,139.69）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>the latitude “%1” is not a number</source>
        <translation>緯度「%1」が数値ではありません</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the longitude “%1” is not a number</source>
        <translation>経度「%1」が数値ではありません</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the latitude %1 is outside −90…90</source>
        <translation>緯度 %1 が −90…90 の範囲外です</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the longitude %1 is outside −180…180</source>
        <translation>経度 %1 が −180…180 の範囲外です</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1” is not a location</source>
        <translation>“%1” は位置ではありません</translation>
    </message>
</context>
<context>
    <name>Meridian::DetailsPane</name>
    <message>
        <location filename="../ui/details/detailspane.cpp" line="+49" />
        <source>Desired</source>
        <comment>replicas</comment>
        <translation>希望数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Updated</source>
        <comment>replicas</comment>
        <translation>更新済み</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+195" />
        <location line="+44" />
        <source>Ready</source>
        <comment>replicas</comment>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="-237" />
        <source>Available</source>
        <comment>replicas</comment>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+67" />
        <source>your setting (Settings ▸ Locations)</source>
        <translation>あなたの設定（設定 ▸ 位置）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the meridian.dev/location label</source>
        <translation>meridian.dev/location ラベル</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the Karmada cluster's region</source>
        <translation>Karmada クラスタのリージョン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the nodes' topology labels</source>
        <translation>ノードのトポロジー ラベル</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the kubeconfig context name</source>
        <translation>kubeconfig のコンテキスト名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the API server's address</source>
        <translation>API サーバーのアドレス</translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>%n s ago</source>
        <translation><numerusform>%n 秒前</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n min ago</source>
        <translation><numerusform>%n 分前</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n h ago</source>
        <translation><numerusform>%n 時間前</numerusform></translation>
    </message>
    <message>
        <location line="+20" />
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Select a cluster on the map or in the list, or a workload, to see it here.</source>
        <translation>地図または一覧でクラスタを、あるいはワークロードを選択すると、ここに表示されます。</translation>
    </message>
    <message>
        <location line="+76" />
        <source>Context:</source>
        <translation>コンテキスト:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API server:</source>
        <translation>API サーバー:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version:</source>
        <translation>バージョン:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nodes:</source>
        <translation>ノード:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last success:</source>
        <translation>最終成功:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Location:</source>
        <translation>位置:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+6" />
        <source>Workloads in this cluster</source>
        <translation>このクラスタのワークロード</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Namespace/Name</source>
        <translation>名前空間/名前</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+44" />
        <source>Revision</source>
        <translation>リビジョン</translation>
    </message>
    <message>
        <location line="-43" />
        <location line="+44" />
        <source>Drift</source>
        <translation>ドリフト</translation>
    </message>
    <message>
        <location line="-43" />
        <location line="+44" />
        <source>Images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="-41" />
        <source>Enter or double-click shows the workload.</source>
        <translation>Enter またはダブルクリックでワークロードを表示します。</translation>
    </message>
    <message>
        <location line="+29" />
        <location line="+343" />
        <source>Replicas per cluster</source>
        <translation>クラスタごとのレプリカ</translation>
    </message>
    <message>
        <location line="-337" />
        <source>Members</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+33" />
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="-28" />
        <source>Members of the workload</source>
        <translation>ワークロードのメンバー</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter or double-click selects the cluster on the map.</source>
        <translation>Enter またはダブルクリックで地図上のクラスタを選択します。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Conditions</source>
        <translation>コンディション</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show &amp;all</source>
        <translation>すべて表示(&amp;A)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Condition</source>
        <translation>コンディション</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <comment>condition</comment>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <comment>condition</comment>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message</source>
        <comment>condition</comment>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deployment conditions</source>
        <translation>Deployment のコンディション</translation>
    </message>
    <message>
        <location line="+74" />
        <source>unknown</source>
        <comment>version</comment>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 of %2 Ready</source>
        <translation>%1 / %2 が準備完了</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown</source>
        <comment>nodes</comment>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 (%2)</source>
        <comment>time (how long ago)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 (%2)</source>
        <comment>region (lat, lon)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — from %2</source>
        <translation>%1 — %2 から</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown: the cluster sits in the Unplaced tray. Set its location in Settings ▸ Locations.</source>
        <translation>不明: クラスタは「未配置」トレイにあります。設定 ▸ 位置 で位置を設定してください。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>⚠ Verification is off (insecure-skip-tls-verify in the kubeconfig)</source>
        <translation>⚠ 検証がオフです（kubeconfig の insecure-skip-tls-verify）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+85" />
        <source>%1/%2</source>
        <comment>ready/desired</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="-78" />
        <source>pod template</source>
        <comment>drift</comment>
        <translation>Pod テンプレート</translation>
    </message>
    <message>
        <location line="+2" />
        <source>images</source>
        <comment>drift</comment>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>replicas</source>
        <comment>drift</comment>
        <translation>レプリカ</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Clusters: %1</source>
        <translation>クラスタ: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 desired, %2 updated, %3 ready, %4 available</source>
        <translation>希望 %1、更新済み %2、準備完了 %3、利用可能 %4</translation>
    </message>
    <message>
        <location line="+7" />
        <source>revision %1</source>
        <translation>リビジョン %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>unknown</source>
        <comment>revision</comment>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+1" />
        <source>revisions %1</source>
        <translation>リビジョン %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>⚠ Drift (%1) in: %2</source>
        <translation>⚠ ドリフト（%1）: %2</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Desired %1, updated %2, ready %3, available %4, planned %5</source>
        <translation>希望 %1、更新済み %2、準備完了 %3、利用可能 %4、計画 %5</translation>
    </message>
    <message>
        <location line="+47" />
        <source>No conditions reported yet.</source>
        <translation>コンディションはまだ報告されていません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All conditions are fine in every cluster (%1).</source>
        <translation>すべてのクラスタですべてのコンディションが正常です（%1）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Conditions that need attention: %1.</source>
        <translation>注意が必要なコンディション: %1。</translation>
    </message>
</context>
<context>
    <name>Meridian::Federation::DirectBackend</name>
    <message>
        <location filename="../src/federation/directbackend.cpp" line="+303" />
        <source>%1 of %2 nodes are not Ready</source>
        <translation>%2 台中 %1 台のノードが Ready ではありません</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The cluster has no nodes</source>
        <translation>クラスタにノードがありません</translation>
    </message>
    <message>
        <location line="+94" />
        <source>No federation.kubernetes.io/deployment-preferences annotation: replicas are spread evenly, as Federation does.</source>
        <translation>federation.kubernetes.io/deployment-preferences アノテーションがありません。Federation と同様にレプリカを均等に分散します。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The preferences annotation cannot be read (%1): replicas are spread evenly, as Federation does.</source>
        <translation>設定アノテーションを読み取れません (%1)。Federation と同様にレプリカを均等に分散します。</translation>
    </message>
</context>
<context>
    <name>Meridian::Geo::WorldMapData</name>
    <message>
        <location filename="../src/core/geo/worldmapdata.cpp" line="+45" />
        <source>The built-in map data is damaged (truncated).</source>
        <translation>内蔵の地図データが破損しています（途中で切れています）。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The built-in map data has an unknown format.</source>
        <translation>内蔵の地図データの形式が不明です。</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube</name>
    <message>
        <location filename="../src/kube/apiclient.cpp" line="+45" />
        <source>HTTP %1 with an empty body</source>
        <translation>HTTP %1（本文なし）</translation>
    </message>
    <message>
        <location filename="../src/kube/clusterprobe.cpp" line="+60" />
        <source>%1 of %2 nodes are not Ready</source>
        <translation>%2 台中 %1 台のノードが Ready ではありません</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The cluster has no nodes</source>
        <translation>クラスタにノードがありません</translation>
    </message>
    <message>
        <location line="+30" />
        <source>The node list could not be read: %1</source>
        <translation>ノード一覧を読み取れません: %1</translation>
    </message>
    <message>
        <location line="+29" />
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <location line="+6" />
        <source>expected kind NodeList, got "%1"</source>
        <translation>kind NodeList が必要ですが、"%1" でした</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Unauthorized (401): %1</source>
        <translation>認証エラー (401): %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Forbidden (403): %1</source>
        <translation>権限なし (403): %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The API server answered HTTP %1 (%2): %3</source>
        <translation>API サーバーが HTTP %1 (%2) を返しました: %3</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Connection refused: %1</source>
        <translation>接続が拒否されました: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Timed out: %1</source>
        <translation>タイムアウトしました: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>TLS error: %1</source>
        <translation>TLS エラー: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Host not found: %1</source>
        <translation>ホストが見つかりません: %1</translation>
    </message>
    <message>
        <location filename="../src/kube/credentials.cpp" line="+28" />
        <source>Cannot read %1 %2: %3</source>
        <translation>%1 %2 を読み込めません: %3</translation>
    </message>
    <message>
        <location line="+17" />
        <source>certificate-authority</source>
        <translation>certificate-authority</translation>
    </message>
    <message>
        <location line="+14" />
        <source>tokenFile</source>
        <translation>tokenFile</translation>
    </message>
    <message>
        <location line="+7" />
        <source>client-certificate</source>
        <translation>client-certificate</translation>
    </message>
    <message>
        <location line="+7" />
        <source>client-key</source>
        <translation>client-key</translation>
    </message>
    <message>
        <location line="+7" />
        <source>User "%1" (%2) has a client certificate without its key, or a key without its certificate</source>
        <translation>ユーザー "%1" (%2) には、鍵のないクライアント証明書、または証明書のない鍵があります</translation>
    </message>
    <message>
        <location line="+46" />
        <source>the plugin's output is not an ExecCredential JSON object (%1 at offset %2)</source>
        <translation>プラグインの出力が ExecCredential の JSON オブジェクトではありません（オフセット %2 で %1）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>the plugin's output has kind "%1", not ExecCredential</source>
        <translation>プラグインの出力の kind が ExecCredential ではなく "%1" です</translation>
    </message>
    <message>
        <location line="+7" />
        <source>the plugin answered with apiVersion "%1" but was asked for "%2"</source>
        <translation>プラグインは apiVersion "%2" で呼び出されましたが、"%1" で応答しました</translation>
    </message>
    <message>
        <location line="+16" />
        <source>status.expirationTimestamp "%1" is not RFC 3339</source>
        <translation>status.expirationTimestamp "%1" が RFC 3339 形式ではありません</translation>
    </message>
    <message>
        <location line="+6" />
        <source>the ExecCredential has neither status.token nor status.clientCertificateData</source>
        <translation>ExecCredential に status.token も status.clientCertificateData もありません</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the ExecCredential must carry clientCertificateData and clientKeyData together</source>
        <translation>ExecCredential には clientCertificateData と clientKeyData の両方が必要です</translation>
    </message>
    <message>
        <location filename="../src/kube/kubeconfig.cpp" line="+132" />
        <source>expected a list</source>
        <translation>リストが必要です</translation>
    </message>
    <message>
        <location line="+9" />
        <source>expected a mapping with name and %1</source>
        <translation>name と %1 を持つマッピングが必要です</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+23" />
        <source>is missing</source>
        <translation>がありません</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+263" />
        <source>expected a mapping</source>
        <translation>マッピングが必要です</translation>
    </message>
    <message>
        <location line="-240" />
        <source>"%1" is not supported; use client.authentication.k8s.io/v1 or v1beta1</source>
        <translation>"%1" はサポートされていません。client.authentication.k8s.io/v1 または v1beta1 を使用してください</translation>
    </message>
    <message>
        <location line="+7" />
        <source>is required for client.authentication.k8s.io/v1 (Never, IfAvailable or Always)</source>
        <translation>は client.authentication.k8s.io/v1 では必須です（Never、IfAvailable、Always のいずれか）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>expected a list of strings</source>
        <translation>文字列のリストが必要です</translation>
    </message>
    <message>
        <location line="+8" />
        <source>expected a list of {name, value}</source>
        <translation>{name, value} のリストが必要です</translation>
    </message>
    <message>
        <location line="+5" />
        <source>expected {name, value}</source>
        <translation>{name, value} が必要です</translation>
    </message>
    <message>
        <location line="+131" />
        <source>%1:%2:%3: not valid YAML: %4</source>
        <translation>%1:%2:%3: YAML として正しくありません: %4</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>document</source>
        <translation>ドキュメント</translation>
    </message>
    <message>
        <location line="+1" />
        <source>expected a mapping (apiVersion, kind, clusters, ...)</source>
        <translation>マッピング（apiVersion、kind、clusters など）が必要です</translation>
    </message>
    <message>
        <location line="+38" />
        <source>"%1" is not a valid URL</source>
        <translation>"%1" は有効な URL ではありません</translation>
    </message>
    <message>
        <location line="+54" />
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Cannot read kubeconfig %1: %2</source>
        <translation>kubeconfig %1 を読み込めません: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::ApiClient</name>
    <message>
        <location filename="../src/kube/apiclient.cpp" line="+77" />
        <source>no credential provider</source>
        <translation>認証情報プロバイダーがありません</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::ExecCredentialProvider</name>
    <message>
        <location filename="../src/kube/credentials.cpp" line="+39" />
        <source>no exec plugin configured</source>
        <translation>exec プラグインが設定されていません</translation>
    </message>
    <message>
        <location line="+32" />
        <source>user "%1" (%2)</source>
        <translation>ユーザー "%1" (%2)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The exec plugin of %1 has interactiveMode: Always, so it needs a terminal; Meridian runs plugins without one. Run it once in a terminal or change interactiveMode to IfAvailable.</source>
        <translation>%1 の exec プラグインは interactiveMode: Always のため端末が必要ですが、Meridian は端末なしでプラグインを実行します。一度端末で実行するか、interactiveMode を IfAvailable に変更してください。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The exec plugin "%1" of %2 was not found (looked in: %3).</source>
        <translation>%2 の exec プラグイン "%1" が見つかりません（検索場所: %3）。</translation>
    </message>
    <message>
        <location line="+68" />
        <source>The exec plugin %1 of %2 did not answer within %3 s.</source>
        <translation>%2 の exec プラグイン %1 が %3 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The exec plugin %1 of %2 failed (exit code %3): %4</source>
        <translation>%2 の exec プラグイン %1 が失敗しました（終了コード %3）: %4</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The exec plugin %1 of %2: %3</source>
        <translation>%2 の exec プラグイン %1: %3</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The exec plugin %1 of %2 could not be started: %3</source>
        <translation>%2 の exec プラグイン %1 を起動できません: %3</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::Informer</name>
    <message>
        <location filename="../src/kube/informer.cpp" line="+115" />
        <source>the list response is not JSON: %1</source>
        <translation>一覧の応答が JSON ではありません: %1</translation>
    </message>
    <message>
        <location line="+60" />
        <source>a watch event is not JSON</source>
        <translation>watch イベントが JSON ではありません</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::Kubeconfig</name>
    <message>
        <location filename="../src/kube/kubeconfig.cpp" line="-206" />
        <source>No context was given and the kubeconfig sets no current-context. Available contexts: %1</source>
        <translation>コンテキストが指定されておらず、kubeconfig に current-context もありません。利用できるコンテキスト: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+10" />
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Context "%1" is not in the kubeconfig (%2). Available contexts: %3</source>
        <translation>コンテキスト "%1" は kubeconfig (%2) にありません。利用できるコンテキスト: %3</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Context "%1" refers to cluster "%2", which is not defined in %3</source>
        <translation>コンテキスト "%1" はクラスタ "%2" を参照していますが、%3 に定義されていません</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cluster "%1" has no server address (%2)</source>
        <translation>クラスタ "%1" にサーバー アドレスがありません (%2)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Context "%1" refers to user "%2", which is not defined in %3</source>
        <translation>コンテキスト "%1" はユーザー "%2" を参照していますが、%3 に定義されていません</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::Reader</name>
    <message>
        <location line="-233" />
        <source>expected a string</source>
        <translation>文字列が必要です</translation>
    </message>
    <message>
        <location line="+13" />
        <source>expected true or false</source>
        <translation>true または false が必要です</translation>
    </message>
    <message>
        <location line="+12" />
        <source>is not valid base64</source>
        <translation>は有効な base64 ではありません</translation>
    </message>
</context>
<context>
    <name>Meridian::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+103" />
        <source>Clusters</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Workloads</source>
        <translation>ワークロード</translation>
    </message>
    <message>
        <location line="-64" />
        <location line="+449" />
        <source>Meridian</source>
        <translation>Meridian</translation>
    </message>
    <message>
        <location line="-428" />
        <source>Member clusters</source>
        <translation>メンバー クラスタ</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Federated workloads</source>
        <translation>フェデレーション ワークロード</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Clusters and workloads stay current through watches; every cluster is probed again every 30 s. F5 probes now.</source>
        <translation>クラスタとワークロードはウォッチで最新に保たれ、各クラスタは 30 秒ごとに再確認されます。F5 で今すぐ確認します。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Refreshing</source>
        <translation>更新中</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Meridian could not list the workloads: %1</source>
        <translation>Meridian はワークロードを一覧表示できませんでした: %1</translation>
    </message>
    <message>
        <location line="+26" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open Kubeconfig…</source>
        <translation>kubeconfig を開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;System</source>
        <comment>theme</comment>
        <translation>システム(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Light</source>
        <comment>theme</comment>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Dark</source>
        <comment>theme</comment>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Fit Clusters</source>
        <translation>クラスタに合わせる(&amp;F)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Whole World</source>
        <translation>世界全体(&amp;W)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Go To</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Map</source>
        <translation>地図(&amp;M)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About Meridian</source>
        <translation>Meridian について(&amp;A)</translation>
    </message>
    <message>
        <location line="+260" />
        <source>%1 — Meridian</source>
        <translation>%1 — Meridian</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Meridian could not open the federation: %1</source>
        <translation>Meridian はフェデレーションを開けませんでした: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open another kubeconfig (Ctrl+O), or &lt;a href="meridian:demo"&gt;try the demo federation&lt;/a&gt;.</source>
        <translation>別の kubeconfig を開くか (Ctrl+O)、&lt;a href="meridian:demo"&gt;デモ フェデレーションを試してください&lt;/a&gt;。</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Open Kubeconfig</source>
        <translation>kubeconfig を開く</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kubeconfig files (*)</source>
        <translation>kubeconfig ファイル (*)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>About Meridian</source>
        <translation>Meridian について</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;One console for one workload on many Kubernetes clusters.&lt;/p&gt;&lt;p&gt;Built with Qt %2, libcurl and yaml-cpp.&lt;/p&gt;&lt;p&gt;Map data: Natural Earth (public domain), via the world-atlas package (ISC).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;多数の Kubernetes クラスタで動く一つのワークロードのためのコンソール。&lt;/p&gt;&lt;p&gt;Qt %2、libcurl、yaml-cpp で構築されています。&lt;/p&gt;&lt;p&gt;地図データ: Natural Earth（パブリック ドメイン）、world-atlas パッケージ経由（ISC）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Clusters: %1</source>
        <translation>クラスタ: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 %2</source>
        <comment>count, cluster state</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: %2 — %3</source>
        <comment>cluster: state — reason</comment>
        <translation>%1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n failing</source>
        <translation><numerusform>%n 件が異常</numerusform></translation>
    </message>
    <message>
        <location line="+2" />
        <source>⚠ TLS verification is off for %1 of them</source>
        <translation>⚠ うち %1 件は TLS 検証が無効です</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Refreshing…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Updated %1</source>
        <translation>%1 に更新</translation>
    </message>
</context>
<context>
    <name>Meridian::MapAssets</name>
    <message>
        <location filename="../ui/map/mapassets.cpp" line="+37" />
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Net::Reply</name>
    <message>
        <location filename="../src/net/transport.cpp" line="+133" />
        <source>The request was cancelled.</source>
        <translation>リクエストはキャンセルされました。</translation>
    </message>
</context>
<context>
    <name>Meridian::Placement</name>
    <message>
        <location filename="../src/placement/preferencesconversion.cpp" line="+20" />
        <source>Federation preferences annotation</source>
        <translation>Federation 設定アノテーション</translation>
    </message>
    <message>
        <location line="+3" />
        <source>KubeFed ReplicaSchedulingPreference</source>
        <translation>KubeFed ReplicaSchedulingPreference</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Karmada PropagationPolicy</source>
        <translation>Karmada PropagationPolicy</translation>
    </message>
    <message>
        <location line="+19" />
        <source>rebalance: Karmada has no switch to keep replicas where they run</source>
        <translation>rebalance: Karmada には、実行中のレプリカをその場に保つ設定がありません</translation>
    </message>
    <message>
        <location line="+6" />
        <source>totalReplicas (%1): a PropagationPolicy takes the total from the workload's spec.replicas</source>
        <translation>totalReplicas (%1): PropagationPolicy はワークロードの spec.replicas を合計として使います</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 (%2): Karmada static weights have no per-cluster minimum</source>
        <translation>%1 (%2): Karmada の静的重みにはクラスタごとの最小値がありません</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 (%2): Karmada static weights have no per-cluster maximum</source>
        <translation>%1 (%2): Karmada の静的重みにはクラスタごとの最大値がありません</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: weight 0 has no Karmada form (weights are at least 1); the cluster is left out</source>
        <translation>%1: 重み 0 は Karmada で表せません（重みは 1 以上）。このクラスタは除外されます</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 (%2): Karmada takes the largest matching weight, so the "*" rule's %3 applies instead</source>
        <translation>%1 (%2): Karmada は一致する最大の重みを使うため、代わりに "*" ルールの %3 が適用されます</translation>
    </message>
    <message>
        <location line="+15" />
        <source>replicaSchedulingType Duplicated: the Federation planner always divides the replicas</source>
        <translation>replicaSchedulingType Duplicated: Federation のプランナーは常にレプリカを分割します</translation>
    </message>
    <message>
        <location line="+7" />
        <source>replicaDivisionPreference Aggregated: the Federation planner has no fewest-clusters mode</source>
        <translation>replicaDivisionPreference Aggregated: Federation のプランナーには最少クラスタ モードがありません</translation>
    </message>
    <message>
        <location line="+7" />
        <source>weightPreference.dynamicWeight AvailableReplicas: the Federation planner uses static weights only</source>
        <translation>weightPreference.dynamicWeight AvailableReplicas: Federation のプランナーは静的な重みのみを使います</translation>
    </message>
    <message>
        <location line="+7" />
        <source>totalReplicas (%1): the annotation takes the total from the object's spec.replicas</source>
        <translation>totalReplicas (%1): アノテーションはオブジェクトの spec.replicas を合計として使います</translation>
    </message>
    <message>
        <location filename="../src/placement/preferencesdocument.cpp" line="+55" />
        <source>must be an integer ≥ %1</source>
        <translation>%1 以上の整数である必要があります</translation>
    </message>
    <message>
        <location line="+3" />
        <source>must be an integer from %1 to %2</source>
        <translation>%1 から %2 までの整数である必要があります</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+18" />
        <source>%1, got %2</source>
        <translation>%1（%2 が指定されました）</translation>
    </message>
    <message>
        <location line="-12" />
        <source>%1, got %2, which is beyond the 64-bit integer range</source>
        <translation>%1（%2 が指定されましたが、64 ビット整数の範囲を超えています）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 (no fraction or exponent), got %2</source>
        <translation>%1（小数や指数は使えません。%2 が指定されました）</translation>
    </message>
    <message>
        <location line="+16" />
        <source>must be true or false, got %1</source>
        <translation>true または false である必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>must be a string, got %1</source>
        <translation>文字列である必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>must be an object, got %1</source>
        <translation>オブジェクトである必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+27" />
        <source>unknown field (expected %1)</source>
        <translation>不明なフィールドです（%1 のいずれかが必要です）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>given twice, as "%1" and "%2"</source>
        <translation>"%1" と "%2" として 2 回指定されています</translation>
    </message>
    <message>
        <location line="+13" />
        <source>a cluster name cannot be empty</source>
        <translation>クラスタ名を空にすることはできません</translation>
    </message>
    <message>
        <location line="+3" />
        <source>a cluster name cannot contain control characters</source>
        <translation>クラスタ名に制御文字は使えません</translation>
    </message>
    <message>
        <location line="+45" />
        <source>minReplicas (%1) is greater than maxReplicas (%2)</source>
        <translation>minReplicas (%1) が maxReplicas (%2) より大きくなっています</translation>
    </message>
    <message>
        <location line="+17" />
        <source>must name at least one cluster (or "*")</source>
        <translation>少なくとも一つのクラスタ（または "*"）を指定する必要があります</translation>
    </message>
    <message>
        <location line="+32" />
        <source>missing; without it every cluster gets 0 replicas</source>
        <translation>がありません。これがないと、すべてのクラスタのレプリカ数は 0 になります</translation>
    </message>
    <message>
        <location line="+26" />
        <source>%1; the engine then spreads evenly, as {"clusters":{"*":{"weight":1}}}</source>
        <translation>%1。この場合、エンジンは {"clusters":{"*":{"weight":1}}} として均等に分散します</translation>
    </message>
    <message>
        <location line="+78" />
        <source>%1: malformed JSON at offset %2: %3</source>
        <translation>%1: オフセット %2 の JSON が不正です: %3</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1: must be a JSON object</source>
        <translation>%1: JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+305" />
        <source>must be an object</source>
        <translation>オブジェクトである必要があります</translation>
    </message>
    <message>
        <location line="-279" />
        <location line="+94" />
        <location line="+8" />
        <source>missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <location line="-82" />
        <source>must be FederatedDeployment or FederatedReplicaSet, got "%1"</source>
        <translation>FederatedDeployment または FederatedReplicaSet である必要があります（"%1" が指定されました）</translation>
    </message>
    <message>
        <location line="+32" />
        <source>spec.clusters is empty</source>
        <translation>spec.clusters が空です</translation>
    </message>
    <message>
        <location line="+16" />
        <source>must be a list, got %1</source>
        <translation>リストである必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>must hold at least one rule</source>
        <translation>少なくとも一つのルールが必要です</translation>
    </message>
    <message>
        <location line="+44" />
        <source>must be a list of cluster names</source>
        <translation>クラスタ名のリストである必要があります</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1 selects clusters by label or field; Meridian cannot evaluate it offline and leaves it out of the plan</source>
        <translation>%1 はラベルまたはフィールドでクラスタを選択します。Meridian はオフラインでは評価できないため、プランから除外します</translation>
    </message>
    <message>
        <location line="+32" />
        <source>%1 is missing; Karmada then duplicates: every cluster runs all replicas</source>
        <translation>%1 がありません。この場合 Karmada は複製し、すべてのクラスタが全レプリカを実行します</translation>
    </message>
    <message>
        <location line="+27" />
        <source>must be Duplicated or Divided, got "%1"</source>
        <translation>Duplicated または Divided である必要があります（"%1" が指定されました）</translation>
    </message>
    <message>
        <location line="+15" />
        <source>must be Aggregated or Weighted, got "%1"</source>
        <translation>Aggregated または Weighted である必要があります（"%1" が指定されました）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1.weightPreference is missing; Karmada then weighs every cluster 1</source>
        <translation>%1.weightPreference がありません。この場合 Karmada はすべてのクラスタの重みを 1 とします</translation>
    </message>
    <message>
        <location line="+24" />
        <source>must be AvailableReplicas, got "%1"</source>
        <translation>AvailableReplicas である必要があります（"%1" が指定されました）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1.staticWeightList is ignored because dynamicWeight is set</source>
        <translation>dynamicWeight が設定されているため、%1.staticWeightList は無視されます</translation>
    </message>
    <message>
        <location line="+38" />
        <source> (the engine would ignore it and spread evenly)</source>
        <translation>（エンジンはこれを無視して均等に分散します）</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 has no %2 annotation</source>
        <translation>%1 に %2 アノテーションがありません</translation>
    </message>
    <message>
        <location line="+16" />
        <source>expected a Kubernetes object or an annotation value</source>
        <translation>Kubernetes オブジェクトまたはアノテーションの値が必要です</translation>
    </message>
    <message>
        <location line="+12" />
        <source>expected a %1, got "%2"</source>
        <translation>%1 が必要ですが、"%2" でした</translation>
    </message>
    <message>
        <location line="+36" />
        <source>the preferences are not valid UTF-8</source>
        <translation>設定が有効な UTF-8 ではありません</translation>
    </message>
    <message>
        <location line="+7" />
        <source>the preferences contain control character 0x%1 at offset %2</source>
        <translation>設定のオフセット %2 に制御文字 0x%1 があります</translation>
    </message>
    <message>
        <location line="+16" />
        <source>the preferences are empty</source>
        <translation>設定が空です</translation>
    </message>
    <message>
        <location line="+7" />
        <source>preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+39" />
        <source>annotation</source>
        <translation>アノテーション</translation>
    </message>
    <message>
        <location line="+135" />
        <source>could not write the preferences: %1</source>
        <translation>設定を書き出せませんでした: %1</translation>
    </message>
    <message>
        <location filename="../src/core/placement/karmadadivision.cpp" line="+73" />
        <source>dividing by available replicas needs the available replicas of every cluster; missing for %1</source>
        <translation>利用可能レプリカ数で分割するには、すべてのクラスタの利用可能レプリカ数が必要です。%1 の値がありません</translation>
    </message>
    <message>
        <location line="+23" />
        <source>clusters have %1 available replicas, not enough to schedule %2</source>
        <translation>クラスタの利用可能レプリカ数は %1 で、%2 をスケジュールするには足りません</translation>
    </message>
    <message>
        <location filename="../src/placement/jsontree.cpp" line="+122" />
        <source>malformed YAML at line %1, column %2: %3</source>
        <translation>%1 行 %2 列の YAML が不正です: %3</translation>
    </message>
    <message>
        <location line="+7" />
        <source>malformed YAML: %1</source>
        <translation>YAML が不正です: %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1: keys must be strings</source>
        <translation>%1: キーは文字列である必要があります</translation>
    </message>
    <message>
        <location line="+93" />
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <location line="+3" />
        <source>nothing</source>
        <translation>空の値</translation>
    </message>
</context>
<context>
    <name>Meridian::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="+30" />
        <source>No files listed: Meridian reads $KUBECONFIG (%1), as kubectl does.</source>
        <translation>ファイルが指定されていません: kubectl と同様に $KUBECONFIG（%1）を読み込みます。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No files listed: Meridian reads $KUBECONFIG, else %1, as kubectl does.</source>
        <translation>ファイルが指定されていません: kubectl と同様に $KUBECONFIG、なければ %1 を読み込みます。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Settings — Meridian</source>
        <translation>設定 — Meridian</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Co&amp;nnection</source>
        <translation>接続(&amp;N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Locations</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appearanc&amp;e</source>
        <translation>外観(&amp;E)</translation>
    </message>
    <message>
        <location line="+41" />
        <location line="+5" />
        <source>Kubeconfig files</source>
        <translation>kubeconfig ファイル</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A&amp;dd…</source>
        <translation>追加(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Contexts shown as member clusters</source>
        <translation>メンバー クラスタとして表示するコンテキスト</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Enabled contexts</source>
        <translation>有効なコンテキスト</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Space toggles the selected context.</source>
        <translation>スペース キーで選択中のコンテキストを切り替えます。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <location line="+2" />
        <source>D&amp;irect: every enabled context is a member cluster</source>
        <translation>ダイレクト(&amp;I): 有効なコンテキストそれぞれがメンバー クラスタ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Karmada: one context is the Karmada control plane</source>
        <translation>Karmada(&amp;K): 1 つのコンテキストが Karmada コントロール プレーン</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Control &amp;plane context:</source>
        <translation>コントロール プレーンのコンテキスト(&amp;P):</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Where a cluster sits on the map, as “latitude,longitude” (for example 35.68,139.69 for Tokyo). Leave empty to place it from its labels, region or name. Your setting wins over every other source.</source>
        <translation>地図上のクラスタの位置を「緯度,経度」で指定します（例: 東京は 35.68,139.69）。空欄にするとラベル、リージョン、名前から配置します。この設定は他のすべての情報源より優先されます。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Location overrides</source>
        <translation>位置の上書き</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cluster (context)</source>
        <translation>クラスタ（コンテキスト）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Latitude,longitude</source>
        <translation>緯度,経度</translation>
    </message>
    <message>
        <location line="+18" />
        <source>System</source>
        <comment>theme</comment>
        <translation>システム</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <comment>theme</comment>
        <translation>ライト</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <comment>theme</comment>
        <translation>ダーク</translation>
    </message>
    <message>
        <location line="+3" />
        <source>System</source>
        <comment>language</comment>
        <translation>システム</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <location line="+2" />
        <source>La&amp;nguage:</source>
        <translation>言語(&amp;N):</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A new language applies when Meridian starts again. $MERIDIAN_LANG, when set, wins over this setting.</source>
        <translation>新しい言語は Meridian の次回起動時に適用されます。$MERIDIAN_LANG が設定されている場合はそちらが優先されます。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Add Kubeconfig Files</source>
        <translation>kubeconfig ファイルの追加</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kubeconfig files (*)</source>
        <translation>kubeconfig ファイル (*)</translation>
    </message>
    <message>
        <location line="+28" />
        <source>The files are merged in this order; for each cluster, user and context the first file wins, as kubectl does.</source>
        <translation>ファイルはこの順序でマージされます。クラスタ、ユーザー、コンテキストごとに、kubectl と同様に最初のファイルが優先されます。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The kubeconfig has no contexts.</source>
        <translation>kubeconfig にコンテキストがありません。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contexts: %1, from %2. Unticked ones are not shown.</source>
        <translation>コンテキスト: %1（%2 から）。チェックされていないものは表示されません。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The kubeconfig could not be read: %1</source>
        <translation>kubeconfig を読み込めませんでした: %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 (not in the kubeconfig)</source>
        <translation>%1（kubeconfig にありません）</translation>
    </message>
    <message>
        <location line="+46" />
        <source>latitude,longitude — for example 50.11,8.68</source>
        <translation>緯度,経度 — 例: 50.11,8.68</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Location of cluster “%1”: %2</source>
        <translation>クラスタ「%1」の位置: %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The Karmada engine needs the context of the Karmada control plane.</source>
        <translation>Karmada エンジンには Karmada コントロール プレーンのコンテキストが必要です。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Tick at least one context: with none, there is no cluster to show.</source>
        <translation>コンテキストを 1 つ以上チェックしてください。なければ表示するクラスタがありません。</translation>
    </message>
</context>
<context>
    <name>Meridian::WorkloadModel</name>
    <message>
        <location filename="../src/models/workloadmodel.cpp" line="+71" />
        <location line="+51" />
        <source>%1 (plan %2)</source>
        <translation>%1（プラン %2）</translation>
    </message>
    <message>
        <location line="+26" />
        <location line="+12" />
        <source>pod template</source>
        <comment>drift</comment>
        <translation>Pod テンプレート</translation>
    </message>
    <message>
        <location line="-10" />
        <location line="+12" />
        <source>images</source>
        <comment>drift</comment>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="-10" />
        <location line="+12" />
        <source>replicas</source>
        <comment>drift</comment>
        <translation>レプリカ数</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Namespace/Name</source>
        <translation>名前空間/名前</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clusters</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Desired</source>
        <comment>replicas</comment>
        <translation>必要数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Updated</source>
        <comment>replicas</comment>
        <translation>更新済み</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ready</source>
        <comment>replicas</comment>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Available</source>
        <comment>replicas</comment>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revision</source>
        <translation>リビジョン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Drift</source>
        <translation>差異</translation>
    </message>
</context>
<context>
    <name>Meridian::WorldMapView</name>
    <message>
        <location filename="../ui/map/worldmapview.cpp" line="+106" />
        <location line="+1061" />
        <source>World map of clusters</source>
        <translation>クラスタの世界地図</translation>
    </message>
    <message>
        <location line="-1031" />
        <location line="+8" />
        <source>Unplaced clusters</source>
        <translation>位置不明のクラスタ</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Clusters whose location is unknown. Set a location in the cluster settings or the meridian.dev/location label.</source>
        <translation>位置が不明なクラスタです。クラスタ設定または meridian.dev/location ラベルで位置を指定してください。</translation>
    </message>
    <message numerus="yes">
        <location line="+223" />
        <source>Unplaced (%n)</source>
        <comment>clusters without a known location</comment>
        <translation>
            <numerusform>位置不明 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44" />
        <source>%n cluster(s) on the map</source>
        <translation>
            <numerusform>地図上のクラスタ: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n without a location</source>
        <comment>clusters</comment>
        <translation>
            <numerusform>位置不明: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+461" />
        <source>Map data: Natural Earth</source>
        <translation>地図データ: Natural Earth</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The map outlines could not be loaded.</source>
        <translation>地図の輪郭を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+111" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version</source>
        <comment>Kubernetes version</comment>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nodes</source>
        <comment>ready/total</comment>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Replicas</source>
        <translation>レプリカ</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Rollout</source>
        <translation>ロールアウト</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 updated, %2 old, %3 unavailable</source>
        <translation>更新済み %1、旧 %2、利用不可 %3</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 (%2, %3)</source>
        <comment>region (city, country)</comment>
        <translation>%1 (%2、%3)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1°, %2°</source>
        <comment>latitude, longitude</comment>
        <translation>%1°, %2°</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+2" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/meridian/main.cpp" line="+123" />
        <source>Meridian: one console for one workload on many Kubernetes clusters.</source>
        <translation>Meridian: 多数の Kubernetes クラスタで動く一つのワークロードのためのコンソール。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Start the embedded demo federation and connect to it.</source>
        <translation>内蔵のデモ フェデレーションを起動して接続します。</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+10" />
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="-7" />
        <source>A context to show; repeat for more (default: all).</source>
        <translation>表示するコンテキスト。複数指定できます（既定: すべて）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Render the window to a PNG once every cluster has answered, then exit.</source>
        <translation>すべてのクラスタが応答したらウィンドウを PNG に描画して終了します。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Window size for --screenshot, as WIDTHxHEIGHT.</source>
        <translation>--screenshot のウィンドウ サイズ（幅x高さ）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+5" />
        <source>theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Select a workload (NAMESPACE/NAME): the map shows where its replicas run.</source>
        <translation>ワークロードを選択します（名前空間/名前）。地図にそのレプリカの配置を表示します。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>workload</source>
        <translation>ワークロード</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Select a cluster by its context: the details show it.</source>
        <translation>コンテキストでクラスタを選択します。詳細にそのクラスタが表示されます。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <location line="+19" />
        <source>--size "%1" is not WIDTHxHEIGHT (at least 320x240)</source>
        <translation>--size "%1" が 幅x高さ の形式ではありません（320x240 以上）</translation>
    </message>
    <message>
        <location line="+25" />
        <source>--theme "%1" is neither light nor dark</source>
        <translation>--theme "%1" は light でも dark でもありません</translation>
    </message>
    <message>
        <location line="+6" />
        <source>--select-workload "%1" is not NAMESPACE/NAME</source>
        <translation>--select-workload "%1" が 名前空間/名前 の形式ではありません</translation>
    </message>
    <message>
        <location line="+115" />
        <source>Starting the demo federation… — Meridian</source>
        <translation>デモ フェデレーションを起動中… — Meridian</translation>
    </message>
    <message>
        <location line="-26" />
        <source>the demo federation could not start: %1</source>
        <translation>デモ フェデレーションを起動できませんでした: %1</translation>
    </message>
    <message>
        <location line="-178" />
        <source>Kubeconfig file (default: the files in Settings, else $KUBECONFIG, then ~/.kube/config).</source>
        <translation>kubeconfig ファイル（既定: 設定のファイル、なければ $KUBECONFIG、次に ~/.kube/config）。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Theme for this run: light or dark.</source>
        <translation>この実行のテーマ: light または dark。</translation>
    </message>
    <message>
        <location line="+165" />
        <source>demo federation</source>
        <translation>デモ フェデレーション</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demo federation</source>
        <translation>デモ フェデレーション</translation>
    </message>
    <message>
        <location line="-56" />
        <source>cannot write the screenshot to %1</source>
        <translation>スクリーンショットを %1 に書き込めません</translation>
    </message>
    <message>
        <location line="+30" />
        <source>not every cluster answered within 120 s; no screenshot written</source>
        <translation>120 秒以内に応答しなかったクラスタがあるため、スクリーンショットは書き込まれませんでした</translation>
    </message>
</context>
</TS>