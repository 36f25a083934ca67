<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Meridian::ApiWorker</name>
    <message>
        <location filename="../src/worker/apiworker.cpp" line="+79"/>
        <source>The Karmada engine reads one control plane; name one context, not %1.</source>
        <translation>Karmada エンジンが読み取るコントロール プレーンは 1 つです。コンテキストは 1 つだけ指定してください（%1 ではなく）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No kubeconfig was found (looked at --kubeconfig, $KUBECONFIG and ~/.kube/config).</source>
        <translation>kubeconfig が見つかりません（--kubeconfig、$KUBECONFIG、~/.kube/config を確認しました）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kubeconfig (%1) defines no contexts.</source>
        <translation>kubeconfig (%1) にコンテキストが定義されていません。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The Karmada control plane (context %1) cannot be read: %2</source>
        <translation>Karmada コントロール プレーン（コンテキスト %1）を読み取れません: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Cli</name>
    <message>
        <location filename="../src/cli/cli.cpp" line="+17"/>
        <source>Usage: meridianctl COMMAND [options]

Commands:
  clusters   List the member clusters of a kubeconfig with their state
  get        Show clusters or federated workloads (get clusters|workloads)
  logs       Show the logs of every cluster (Cloud Logging or pods)
  plan       Compute a replica placement plan from preferences
  placement  Show or set a workload&apos;s placement (placement get|set NS/NAME)
  apply      Apply a manifest to the federation (-f FILE, --waves, --dry-run=server)
  rollout    status|history|undo|pause|resume|restart of a federated Deployment
  set        set image NAMESPACE/NAME CONTAINER=IMAGE on the members

Options:
  --version  Print the version
  --help     Print this help; COMMAND --help prints a command&apos;s help
</source>
        <translation>使い方: meridianctl コマンド [オプション]

コマンド:
  clusters   kubeconfig のメンバー クラスタを状態とともに一覧表示します
  get        クラスタまたはフェデレーション ワークロードを表示します (get clusters|workloads)
  logs       すべてのクラスタのログを表示します (Cloud Logging または Pod)
  plan       設定からレプリカ配置プランを計算します
  placement  ワークロードの配置を表示または設定します (placement get|set NS/NAME)
  apply      マニフェストをフェデレーションに適用します (-f FILE, --waves, --dry-run=server)
  rollout    フェデレーション Deployment の status|history|undo|pause|resume|restart
  set        メンバーで set image NAMESPACE/NAME CONTAINER=IMAGE を実行します

オプション:
  --version  バージョンを表示します
  --help     このヘルプを表示します。コマンド --help で各コマンドのヘルプを表示します
</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>meridianctl: unknown command &quot;%1&quot;

</source>
        <translation>meridianctl: 不明なコマンド &quot;%1&quot;

</translation>
    </message>
    <message>
        <location filename="../src/cli/clusterscommand.cpp" line="+25"/>
        <location filename="../src/cli/getcommand.cpp" line="+78"/>
        <location line="+41"/>
        <source>NAME</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <source>CONTEXT</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <source>VERSION</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <source>NODES</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <source>REGION</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <source>STATE</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <source>REASON</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>List the member clusters of a kubeconfig, each queried in parallel, with version, nodes, region and state.</source>
        <translation>kubeconfig のメンバー クラスタを並行して問い合わせ、バージョン、ノード、リージョン、状態を一覧表示します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../src/cli/getcommand.cpp" line="+32"/>
        <location filename="../src/cli/placementcommand.cpp" line="+574"/>
        <location filename="../src/cli/rolloutcommon.cpp" line="+22"/>
        <source>Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).</source>
        <translation>kubeconfig ファイル（既定: $KUBECONFIG、次に ~/.kube/config）。</translation>
    </message>
    <message>
        <location filename="../src/cli/applycommand.cpp" line="+35"/>
        <source>cannot read standard input</source>
        <translation>標準入力を読み取れません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み取れません: %2</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Apply a multi-document YAML manifest to the federation with server-side apply. Direct engine: to every member, each Deployment with its planned replicas (spec.replicas is the federation total, divided by the federation.kubernetes.io/deployment-preferences annotation, or evenly). Karmada engine: to the control plane, PropagationPolicies included.</source>
        <translation>複数ドキュメントの YAML マニフェストを、サーバーサイド適用でフェデレーションに適用します。Direct エンジン: すべてのメンバーに、各 Deployment をプランどおりのレプリカ数で適用します（spec.replicas はフェデレーション全体の合計で、federation.kubernetes.io/deployment-preferences アノテーションに従って、またはなければ均等に分割されます）。Karmada エンジン: PropagationPolicy を含めてコントロール プレーンに適用します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The manifest (YAML or JSON; - for standard input). Repeat for more.</source>
        <translation>マニフェスト（YAML または JSON。- で標準入力）。複数指定できます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/cli/clusterscommand.cpp" line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <location filename="../src/cli/logscommand.cpp" line="+103"/>
        <location line="+9"/>
        <location line="+4"/>
        <location filename="../src/cli/placementcommand.cpp" line="+1"/>
        <location line="+15"/>
        <location filename="../src/cli/rolloutcommon.cpp" line="+3"/>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;server&quot;: send with dryRun=All and show the diff against the live objects; nothing is changed.</source>
        <translation>&quot;server&quot;: dryRun=All で送信し、稼働中のオブジェクトとの差分を表示します。何も変更されません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/cli/rolloutcommand.cpp" line="+376"/>
        <location line="+175"/>
        <source>mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll out in waves: these clusters first, then the rest once they are Available within their progress deadline.</source>
        <translation>ウェーブでロールアウトします: まずこれらのクラスタ、それらが進行期限内に利用可能になってから残りのクラスタ。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../src/cli/rolloutcommon.cpp" line="+11"/>
        <source>c1,c2</source>
        <translation>c1,c2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait until every Deployment is Available (implied by --waves).</source>
        <translation>すべての Deployment が利用可能になるまで待機します（--waves を指定すると有効になります）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give up waiting after this many seconds (default: none; each wave is bounded by its progress deadline).</source>
        <translation>この秒数が経過したら待機をやめます（既定: なし。各ウェーブは進行期限で制限されます）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../src/cli/rolloutcommand.cpp" line="-178"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take over fields another manager owns.</source>
        <translation>別のマネージャーが所有するフィールドを引き継ぎます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace for objects that name none (default: default).</source>
        <translation>名前空間を指定していないオブジェクトの名前空間（既定: default）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>meridianctl apply: say what to apply with -f FILE
</source>
        <translation>meridianctl apply: 適用するものを -f FILE で指定してください
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>meridianctl apply: --dry-run must be &quot;server&quot; (the API server checks and defaults the objects without storing them)
</source>
        <translation>meridianctl apply: --dry-run は &quot;server&quot; である必要があります（API サーバーがオブジェクトを保存せずに検査し、既定値を設定します）
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>meridianctl apply: --waves needs at least one cluster
</source>
        <translation>meridianctl apply: --waves には少なくとも 1 つのクラスタが必要です
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>meridianctl apply: --waves needs the Direct engine; with Karmada, the PropagationPolicy decides where the template goes
</source>
        <translation>meridianctl apply: --waves には Direct エンジンが必要です。Karmada では、テンプレートの配置先は PropagationPolicy が決定します
</translation>
    </message>
    <message>
        <location line="+37"/>
        <location filename="../src/cli/placementcommand.cpp" line="-403"/>
        <location line="+49"/>
        <source>note: %1
</source>
        <translation>注意: %1
</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>wave %1: %2
</source>
        <translation>ウェーブ %1: %2
</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../src/cli/rolloutcommand.cpp" line="-243"/>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>error: timed out waiting for the rollout; not started: %1
</source>
        <translation>エラー: ロールアウトの待機がタイムアウトしました。未開始: %1
</translation>
    </message>
    <message>
        <location filename="../src/cli/clusterscommand.cpp" line="+3"/>
        <source>A context to query; repeat for more (default: all).</source>
        <translation>問い合わせるコンテキスト。複数指定できます（既定: すべて）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+6"/>
        <location filename="../src/cli/logscommand.cpp" line="+5"/>
        <location line="+10"/>
        <location line="+7"/>
        <location filename="../src/cli/placementcommand.cpp" line="+342"/>
        <location filename="../src/cli/rolloutcommon.cpp" line="-5"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output format: table or json.</source>
        <translation>出力形式: table または json。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/getcommand.cpp" line="+12"/>
        <location filename="../src/cli/logscommand.cpp" line="+21"/>
        <location filename="../src/cli/placementcommand.cpp" line="+7"/>
        <source>format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>meridianctl clusters: unexpected argument &quot;%1&quot;
</source>
        <translation>meridianctl clusters: 予期しない引数 &quot;%1&quot;
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>meridianctl clusters: unknown output format &quot;%1&quot; (use table or json)
</source>
        <translation>meridianctl clusters: 不明な出力形式 &quot;%1&quot;（table または json を指定してください）
</translation>
    </message>
    <message>
        <location filename="../src/cli/plancommand.cpp" line="+25"/>
        <source>usage: meridianctl plan --prefs FILE|- --total N --clusters A,B,C [--current A=4,B=8] [--capacity B=10] [--key NAMESPACE/NAME] [--engine federation|karmada] [-o json|table]</source>
        <translation>使い方: meridianctl plan --prefs ファイル|- --total N --clusters A,B,C [--current A=4,B=8] [--capacity B=10] [--key 名前空間/名前] [--engine federation|karmada] [-o json|table]</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: must be an integer ≥ 0, got &quot;%2&quot;</source>
        <translation>%1: 0 以上の整数である必要がありますが、&quot;%2&quot; が指定されました</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--clusters: empty cluster name in &quot;%1&quot;</source>
        <translation>--clusters: &quot;%1&quot; に空のクラスタ名があります</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--clusters: %1 is listed twice</source>
        <translation>--clusters: %1 が 2 回指定されています</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: expected CLUSTER=N, got &quot;%2&quot;</source>
        <translation>%1: クラスタ=N の形式が必要ですが、&quot;%2&quot; が指定されました</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 is given twice</source>
        <translation>%1: %2 が 2 回指定されています</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>unknown argument &quot;%1&quot;</source>
        <translation>不明な引数 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 needs a value</source>
        <translation>%1 には値が必要です</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--engine: must be federation or karmada, got &quot;%1&quot;</source>
        <translation>--engine: federation または karmada を指定してください（&quot;%1&quot; が指定されました）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>-o: must be json or table, got &quot;%1&quot;</source>
        <translation>-o: json または table を指定してください（&quot;%1&quot; が指定されました）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--prefs is required</source>
        <translation>--prefs は必須です</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--clusters is required</source>
        <translation>--clusters は必須です</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 is not in --clusters</source>
        <translation>%1: %2 は --clusters に含まれていません</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--prefs: cannot read %1: %2</source>
        <translation>--prefs: %1 を読み込めません: %2</translation>
    </message>
    <message>
        <location filename="../src/cli/placementcommand.cpp" line="-429"/>
        <location line="+186"/>
        <location filename="../src/cli/plancommand.cpp" line="+8"/>
        <source>CLUSTER</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>CURRENT</source>
        <translation>現在</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>meridianctl placement get: no member has a Deployment %1/%2
</source>
        <translation>meridianctl placement get: Deployment %1/%2 を持つメンバーがありません
</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+260"/>
        <source>Preferences: %1
</source>
        <translation>設定: %1
</translation>
    </message>
    <message>
        <location line="-259"/>
        <location line="+78"/>
        <location line="+182"/>
        <location line="+52"/>
        <source>Total: %1
</source>
        <translation>合計: %1
</translation>
    </message>
    <message>
        <location line="-288"/>
        <source>cannot read %1: %2
</source>
        <translation>%1 を読み取れません: %2
</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+247"/>
        <source>note: not carried over: %1
</source>
        <translation>注意: 引き継がれない項目: %1
</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>no member has a Deployment %1/%2
</source>
        <translation>Deployment %1/%2 を持つメンバーがありません
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning: %1 could not be read (%2): it is left out of the plan and not written
</source>
        <translation>警告: %1 を読み取れませんでした（%2）。プランから除外され、書き込まれません
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preferences (%1):
</source>
        <translation>設定（%1）:
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>warning: only %1 of %2 replicas are placed (max limits)
</source>
        <translation>警告: %2 個のレプリカのうち %1 個しか配置されていません（上限）
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning: %1 is not available; its replicas are left as they are
</source>
        <translation>警告: %1 は利用できません。そのレプリカはそのままです
</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+223"/>
        <source>(dry run: nothing was written)
</source>
        <translation>（ドライラン: 何も書き込まれていません）
</translation>
    </message>
    <message>
        <location line="-175"/>
        <location line="+215"/>
        <source>RESULT</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>REPLICAS</source>
        <translation>レプリカ</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+215"/>
        <source>MESSAGE</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>meridianctl placement set: some members were not written; run the same command again to retry them
</source>
        <translation>meridianctl placement set: 書き込まれなかったメンバーがあります。同じコマンドをもう一度実行して再試行してください
</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>say which context is the Karmada control plane (--context)</source>
        <translation>Karmada コントロール プレーンのコンテキストを指定してください (--context)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>context %1 could not be connected</source>
        <translation>コンテキスト %1 に接続できませんでした</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>interrupted</source>
        <translation>中断されました</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>note: not carried over to the annotation form: %1
</source>
        <translation>注意: アノテーション形式に引き継がれない項目: %1
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Placed by: %1 %2
</source>
        <translation>配置元: %1 %2
</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>ClusterPropagationPolicy %1 (Karmada divides):
</source>
        <translation>ClusterPropagationPolicy %1 (Karmada が分配):
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PropagationPolicy %1/%2 (Karmada divides):
</source>
        <translation>PropagationPolicy %1/%2（Karmada が分割）:
</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>OBJECT</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show or change where a federated workload&apos;s replicas run.
  placement get NAMESPACE/NAME [-o json]
  placement set NAMESPACE/NAME --prefs FILE [--replicas N] [--dry-run]</source>
        <translation>フェデレーション ワークロードのレプリカを実行する場所を表示または変更します。
  placement get NAMESPACE/NAME [-o json]
  placement set NAMESPACE/NAME --prefs FILE [--replicas N] [--dry-run]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>get or set</source>
        <translation>get または set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAMESPACE/NAME</source>
        <translation>NAMESPACE/NAME</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Output format of get: table or json.</source>
        <translation>get の出力形式: table または json。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preferences file (annotation JSON, KubeFed RSP or Karmada policy; - reads stdin).</source>
        <translation>設定ファイル（アノテーション JSON、KubeFed RSP、または Karmada ポリシー。- で標準入力から読み取り）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Federation-wide total (default: the current sum of the members).</source>
        <translation>フェデレーション全体の合計（既定: メンバーの現在の合計）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/cli/rolloutcommand.cpp" line="+226"/>
        <location line="+9"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show what would be written; write nothing.</source>
        <translation>書き込まれる内容を表示します。何も書き込みません。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>meridianctl placement: say get or set and NAMESPACE/NAME
</source>
        <translation>meridianctl placement: get または set と NAMESPACE/NAME を指定してください
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>meridianctl placement: &quot;%1&quot; is not NAMESPACE/NAME
</source>
        <translation>meridianctl placement: &quot;%1&quot; は NAMESPACE/NAME ではありません
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>meridianctl placement: unknown engine &quot;%1&quot; (use direct or karmada)
</source>
        <translation>meridianctl placement: 不明なエンジン &quot;%1&quot;（direct または karmada を指定してください）
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>meridianctl placement get: unknown output format &quot;%1&quot; (use table or json)
</source>
        <translation>meridianctl placement get: 不明な出力形式 &quot;%1&quot;（table または json を指定してください）
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>meridianctl placement get: --prefs, --replicas and --dry-run belong to set
</source>
        <translation>meridianctl placement get: --prefs、--replicas、--dry-run は set 用です
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>meridianctl placement set: --prefs FILE is required
</source>
        <translation>meridianctl placement set: --prefs FILE は必須です
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>meridianctl placement set: --replicas: must be an integer from 0 to %1, got &quot;%2&quot;
</source>
        <translation>meridianctl placement set: --replicas: 0 から %1 までの整数である必要があります（&quot;%2&quot; が指定されました）
</translation>
    </message>
    <message>
        <location filename="../src/cli/getcommand.cpp" line="-109"/>
        <source>template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replicas</source>
        <translation>レプリカ数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>NAMESPACE</source>
        <translation>名前空間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CLUSTERS</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DESIRED</source>
        <translation>希望数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UPDATED</source>
        <translation>更新済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>READY</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AVAILABLE</source>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DRIFT</source>
        <translation>差異</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/cli/placementcommand.cpp" line="-501"/>
        <location filename="../src/cli/plancommand.cpp" line="+1"/>
        <source>PLAN</source>
        <translation>プラン</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../src/cli/rolloutcommand.cpp" line="-145"/>
        <source>IMAGES</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REVISIONS</source>
        <translation>リビジョン</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>SERVER</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Show the member clusters, or the federated workloads (Deployments sharing a namespace and name across the members), with per-cluster status and drift.</source>
        <translation>メンバー クラスタ、またはフェデレーション ワークロード（メンバー間で名前空間と名前が同じ Deployment）を、クラスタごとの状態と差異とともに表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>clusters or workloads</source>
        <translation>clusters または workloads</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A member context; repeat for more (default: all). With --engine karmada: the control plane&apos;s context (default: &quot;karmada&quot;, else the current context).</source>
        <translation>メンバーのコンテキスト。複数指定できます（既定: すべて）。--engine karmada の場合: コントロール プレーンのコンテキスト（既定: &quot;karmada&quot;、なければ現在のコンテキスト）。</translation>
    </message>
    <message>
        <location filename="../src/cli/placementcommand.cpp" line="+421"/>
        <source>A member context; repeat for more (default: all).</source>
        <translation>メンバーのコンテキスト。複数指定できます（既定: すべて）。</translation>
    </message>
    <message>
        <location filename="../src/cli/getcommand.cpp" line="+5"/>
        <source>Namespace of the workloads (default: default).</source>
        <translation>ワークロードの名前空間（既定: default）。</translation>
    </message>
    <message>
        <location filename="../src/cli/applycommand.cpp" line="-159"/>
        <location filename="../src/cli/getcommand.cpp" line="+1"/>
        <location filename="../src/cli/logscommand.cpp" line="-25"/>
        <source>namespace</source>
        <translation>名前空間</translation>
    </message>
    <message>
        <location filename="../src/cli/getcommand.cpp" line="+2"/>
        <source>Workloads of every namespace.</source>
        <translation>すべての名前空間のワークロード。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/cli/placementcommand.cpp" line="+3"/>
        <location filename="../src/cli/rolloutcommon.cpp" line="+7"/>
        <source>Federation engine: direct or karmada.</source>
        <translation>フェデレーション エンジン: direct または karmada。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../src/cli/logscommand.cpp" line="-8"/>
        <location filename="../src/cli/placementcommand.cpp" line="+1"/>
        <location filename="../src/cli/rolloutcommon.cpp" line="+1"/>
        <source>engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output format: table, wide or json.</source>
        <translation>出力形式: table、wide、json のいずれか。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>meridianctl get: say what to get: clusters or workloads
</source>
        <translation>meridianctl get: 取得する対象（clusters または workloads）を指定してください
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>meridianctl get: unknown output format &quot;%1&quot; (use table, wide or json)
</source>
        <translation>meridianctl get: 不明な出力形式 &quot;%1&quot;（table、wide、json のいずれかを指定してください）
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>meridianctl get: unknown engine &quot;%1&quot; (use direct or karmada)
</source>
        <translation>meridianctl get: 不明なエンジン &quot;%1&quot;（direct または karmada を指定してください）
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>meridianctl get: -n and -A exclude each other
</source>
        <translation>meridianctl get: -n と -A は同時に指定できません
</translation>
    </message>
    <message>
        <location line="+105"/>
        <location filename="../src/cli/placementcommand.cpp" line="-392"/>
        <source>warning: %1 could not be read: %2
</source>
        <translation>警告: %1 を読み取れませんでした: %2
</translation>
    </message>
    <message>
        <location filename="../src/cli/placementcommand.cpp" line="-33"/>
        <location filename="../src/cli/plancommand.cpp" line="+1"/>
        <source>OVERFLOW</source>
        <translation>オーバーフロー</translation>
    </message>
    <message>
        <location filename="../src/cli/plancommand.cpp" line="+37"/>
        <source>meridianctl plan: %1</source>
        <translation>meridianctl plan: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>standard input</source>
        <translation>標準入力</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>meridianctl plan: note: %1</source>
        <translation>meridianctl plan: 注意: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--total is required (the preferences do not give a total)</source>
        <translation>--total は必須です（設定に合計数が含まれていません）</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+24"/>
        <source>meridianctl plan: note: not carried over: %1</source>
        <translation>meridianctl plan: 注意: 引き継がれない項目: %1</translation>
    </message>
    <message>
        <location filename="../src/cli/logscommand.cpp" line="-37"/>
        <source>Show the logs of every cluster, merged in timestamp order: from Google Cloud Logging (entries:list, resource type k8s_container) or straight from the pods. Credentials for Cloud Logging: --credentials, else $GOOGLE_APPLICATION_CREDENTIALS, else `gcloud auth print-access-token`, else the metadata server.</source>
        <translation>すべてのクラスタのログをタイムスタンプ順にマージして表示します: Google Cloud Logging（entries:list、リソース タイプ k8s_container）から、または Pod から直接取得します。Cloud Logging の認証情報: --credentials、なければ $GOOGLE_APPLICATION_CREDENTIALS、なければ `gcloud auth print-access-token`、なければメタデータ サーバー。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cloud (Cloud Logging, the default) or pods.</source>
        <translation>cloud（Cloud Logging、既定）または pods。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Google Cloud project (default: the key file&apos;s).</source>
        <translation>Google Cloud プロジェクト（既定: 鍵ファイルのプロジェクト）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service-account key file (JSON).</source>
        <translation>サービス アカウントの鍵ファイル (JSON)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud Logging endpoint (default: https://logging.googleapis.com).</source>
        <translation>Cloud Logging エンドポイント（既定: https://logging.googleapis.com）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A CA certificate (PEM) to trust for the endpoint and its token URI, besides the system&apos;s.</source>
        <translation>システムの証明書に加えて、エンドポイントとそのトークン URI で信頼する CA 証明書 (PEM)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kubeconfig file for --source pods (default: $KUBECONFIG, then ~/.kube/config).</source>
        <translation>--source pods 用の kubeconfig ファイル（既定: $KUBECONFIG、次に ~/.kube/config）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only this cluster (Cloud Logging&apos;s cluster_name; for pods a kubeconfig context, or with --engine karmada a Karmada member cluster); repeatable.</source>
        <translation>このクラスタのみ (Cloud Logging の cluster_name。Pod の場合は kubeconfig のコンテキスト、--engine karmada では Karmada のメンバークラスタ)。複数指定できます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For --source pods: direct (every kubeconfig context, the default) or karmada (the members of a Karmada control plane, through its cluster proxy).</source>
        <translation>--source pods の読み取り方法: direct (kubeconfig のすべてのコンテキスト、既定) または karmada (Karmada コントロールプレーンのメンバーを、そのクラスタプロキシ経由で)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --engine karmada: the control plane&apos;s context (default: &quot;karmada&quot;, else the current context).</source>
        <translation>--engine karmada の場合: コントロールプレーンのコンテキスト (既定: &quot;karmada&quot;、なければ現在のコンテキスト)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only this namespace.</source>
        <translation>この名前空間のみ。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the pods of this workload (pods named WORKLOAD-...).</source>
        <translation>このワークロードの Pod のみ（WORKLOAD-... という名前の Pod）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Severity, e.g. &apos;&gt;=WARNING&apos;, &apos;ERROR&apos; (a floor), &apos;=INFO&apos;.</source>
        <translation>重大度。例: &apos;&gt;=WARNING&apos;、&apos;ERROR&apos;（下限）、&apos;=INFO&apos;。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spec</source>
        <translation>指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only messages containing TEXT (case-insensitive).</source>
        <translation>TEXT を含むメッセージのみ（大文字と小文字を区別しません）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back: 30s, 15m, 1h, 2d (default 1h).</source>
        <translation>さかのぼる期間: 30s、15m、1h、2d（既定 1h）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duration</source>
        <translation>期間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start time, RFC 3339 (e.g. 2026-11-27T10:00:00Z).</source>
        <translation>開始時刻、RFC 3339（例: 2026-11-27T10:00:00Z）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>End time, RFC 3339 (exclusive).</source>
        <translation>終了時刻、RFC 3339（この時刻は含みません）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep printing new entries.</source>
        <translation>新しいエントリを出力し続けます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output format: text or ndjson.</source>
        <translation>出力形式: text または ndjson。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>予期しない引数 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--source is cloud or pods, not &quot;%1&quot;</source>
        <translation>--source は cloud または pods です（&quot;%1&quot; ではありません）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-o is text or ndjson, not &quot;%1&quot;</source>
        <translation>-o は text または ndjson です（&quot;%1&quot; ではありません）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--engine is direct or karmada, not &quot;%1&quot;</source>
        <translation>--engine は direct または karmada です。&quot;%1&quot; ではありません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--engine and --context choose how --source pods reads; Cloud Logging has neither</source>
        <translation>--engine と --context は --source pods の読み取り方法を選びます。Cloud Logging にはどちらもありません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--context names a Karmada control plane (--engine karmada); with the direct engine, choose members with --cluster</source>
        <translation>--context は Karmada コントロールプレーンを指定します (--engine karmada)。direct エンジンでは --cluster でメンバーを選んでください</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--severity &quot;%1&quot; is not a severity; use e.g. &apos;&gt;=WARNING&apos;, &apos;ERROR&apos; or &apos;=INFO&apos; (DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY)</source>
        <translation>--severity &quot;%1&quot; は重大度ではありません。&apos;&gt;=WARNING&apos;、&apos;ERROR&apos;、&apos;=INFO&apos; などを指定してください (DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give either --since or --from/--to, not both</source>
        <translation>--since と --from/--to のどちらか一方を指定してください（両方は指定できません）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--%1 &quot;%2&quot; is not an RFC 3339 time such as 2026-11-27T10:00:00Z</source>
        <translation>--%1 &quot;%2&quot; は 2026-11-27T10:00:00Z のような RFC 3339 の時刻ではありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--from must be before --to</source>
        <translation>--from は --to より前である必要があります</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--since &quot;%1&quot; is not a duration such as 30s, 15m, 1h or 2d</source>
        <translation>--since &quot;%1&quot; は 30s、15m、1h、2d のような期間ではありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>-f follows new entries; it cannot have --to</source>
        <translation>-f は新しいエントリを追跡するため、--to と併用できません</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>--logging-endpoint &quot;%1&quot; is not a URL such as https://logging.googleapis.com</source>
        <translation>--logging-endpoint &quot;%1&quot; は https://logging.googleapis.com のような URL ではありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>meridianctl logs: cannot read --cacert %1: %2
</source>
        <translation>meridianctl logs: --cacert %1 を読み取れません: %2
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>meridianctl logs: --cacert %1 holds no PEM certificate
</source>
        <translation>meridianctl logs: --cacert %1 に PEM 証明書が含まれていません
</translation>
    </message>
    <message>
        <location filename="../src/cli/rolloutcommand.cpp" line="-159"/>
        <source>no answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>error: timed out waiting for the condition
</source>
        <translation>エラー: コンディションの待機がタイムアウトしました
</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+145"/>
        <source>ROW</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>CHANGE-CAUSE</source>
        <translation>変更理由</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Manage the rollout of a federated Deployment on every member cluster (or those named with --clusters), with kubectl&apos;s semantics per cluster.

  status    wait until each cluster&apos;s rollout is done (or failed)
  history   revisions aligned by pod template across clusters
  undo      roll back to the previous revision (or --to-revision, --to-row)
  pause     stop rolling out template changes
  resume    roll out again
  restart   restart every pod (kubectl.kubernetes.io/restartedAt)</source>
        <translation>フェデレーション Deployment のロールアウトを、すべてのメンバー クラスタ（または --clusters で指定したクラスタ）で、クラスタごとに kubectl と同じセマンティクスで管理します。

  status    各クラスタのロールアウトが完了（または失敗）するまで待機します
  history   クラスタ間で Pod テンプレートごとに揃えたリビジョン
  undo      前のリビジョン（または --to-revision、--to-row）にロールバックします
  pause     テンプレート変更のロールアウトを停止します
  resume    ロールアウトを再開します
  restart   すべての Pod を再起動します (kubectl.kubernetes.io/restartedAt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>status, history, undo, pause, resume or restart</source>
        <translation>status、history、undo、pause、resume、restart のいずれか</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+195"/>
        <source>NAMESPACE/NAME of the Deployment</source>
        <translation>Deployment の NAMESPACE/NAME</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>undo: the revision to roll back to in each cluster (0: the previous one).</source>
        <translation>undo: 各クラスタでロールバック先のリビジョン（0: 直前のリビジョン）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>undo: the row of the aligned history (its pod template); each cluster rolls back to its own revision of it.</source>
        <translation>undo: 揃えた履歴の行（その Pod テンプレート）。各クラスタはそのテンプレートに対応する自身のリビジョンにロールバックします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>status: require this revision.</source>
        <translation>status: このリビジョンを必須とします。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>status: keep watching until done (default true).</source>
        <translation>status: 完了するまで監視を続けます（既定 true）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bool</source>
        <translation>bool</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>status: give up after this many seconds.</source>
        <translation>status: この秒数が経過したら待機をやめます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+175"/>
        <source>&quot;server&quot;: send with dryRun=All.</source>
        <translation>&quot;server&quot;: dryRun=All で送信します。</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>meridianctl rollout: usage: rollout status|history|undo|pause|resume|restart NAMESPACE/NAME [options]
</source>
        <translation>meridianctl rollout: 使い方: rollout status|history|undo|pause|resume|restart NAMESPACE/NAME [オプション]
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>meridianctl rollout: &quot;%1&quot; is not NAMESPACE/NAME
</source>
        <translation>meridianctl rollout: &quot;%1&quot; は NAMESPACE/NAME ではありません
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>meridianctl rollout: --to-revision must be a number
</source>
        <translation>meridianctl rollout: --to-revision は数値である必要があります
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>meridianctl rollout: --revision must be a number
</source>
        <translation>meridianctl rollout: --revision は数値である必要があります
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>meridianctl rollout: --dry-run must be &quot;server&quot;
</source>
        <translation>meridianctl rollout: --dry-run は &quot;server&quot; である必要があります
</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>meridianctl rollout: --to-row must be a row of `rollout history` (1 to %1)
</source>
        <translation>meridianctl rollout: --to-row は `rollout history` の行（1 から %1）である必要があります
</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Change a federated Deployment&apos;s images on every member cluster (or those named with --clusters), as kubectl set image does; this starts a rollout.</source>
        <translation>kubectl set image と同様に、フェデレーション Deployment のイメージをすべてのメンバー クラスタ（または --clusters で指定したクラスタ）で変更します。これによりロールアウトが開始されます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the word &quot;image&quot;</source>
        <translation>&quot;image&quot; という語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one or more container images</source>
        <translation>1 つ以上のコンテナ イメージ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>meridianctl set: usage: set image NAMESPACE/NAME CONTAINER=IMAGE... [options]
</source>
        <translation>meridianctl set: 使い方: set image NAMESPACE/NAME CONTAINER=IMAGE... [オプション]
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>meridianctl set: &quot;%1&quot; is not NAMESPACE/NAME
</source>
        <translation>meridianctl set: &quot;%1&quot; は NAMESPACE/NAME ではありません
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>meridianctl set: &quot;%1&quot; is not CONTAINER=IMAGE
</source>
        <translation>meridianctl set: &quot;%1&quot; は CONTAINER=IMAGE ではありません
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>meridianctl set: --dry-run must be &quot;server&quot;
</source>
        <translation>meridianctl set: --dry-run は &quot;server&quot; である必要があります
</translation>
    </message>
    <message>
        <location filename="../src/cli/rolloutcommon.cpp" line="-12"/>
        <source>A member context (Direct; repeat for more, default: all) or the Karmada control plane&apos;s context (default: karmada).</source>
        <translation>メンバーのコンテキスト（Direct。複数指定できます。既定: すべて）、または Karmada コントロール プレーンのコンテキスト（既定: karmada）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only these member clusters, comma-separated (default: all).</source>
        <translation>これらのメンバー クラスタのみ（カンマ区切り。既定: すべて）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>meridianctl %1: unknown engine &quot;%2&quot; (use direct or karmada)
</source>
        <translation>meridianctl %1: 不明なエンジン &quot;%2&quot;（direct または karmada を指定してください）
</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the Karmada control plane did not answer within 30 s</source>
        <translation>Karmada コントロール プレーンが 30 秒以内に応答しませんでした</translation>
    </message>
</context>
<context>
    <name>Meridian::ClusterModel</name>
    <message>
        <location filename="../src/models/clustermodel.cpp" line="+26"/>
        <source>Connecting</source>
        <comment>cluster state</comment>
        <translation>接続中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <comment>cluster state</comment>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degraded</source>
        <comment>cluster state</comment>
        <translation>低下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreachable</source>
        <comment>cluster state</comment>
        <translation>到達不能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unauthorized</source>
        <comment>cluster state</comment>
        <translation>認証エラー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forbidden</source>
        <comment>cluster state</comment>
        <translation>権限なし</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1/%2</source>
        <comment>nodes ready/total</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TLS verification is off (insecure-skip-tls-verify in the kubeconfig)</source>
        <translation>TLS 検証が無効です（kubeconfig の insecure-skip-tls-verify）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Warning: the kubeconfig turns TLS verification off for this cluster; its identity is not checked.</source>
        <translation>警告: kubeconfig がこのクラスタの TLS 検証を無効にしています。サーバーの身元は確認されません。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API server</source>
        <translation>API サーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <comment>Kubernetes version</comment>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <comment>ready/total</comment>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>Meridian::ConsoleSettings</name>
    <message>
        <location filename="../ui/settings/consolesettings.cpp" line="+110"/>
        <source>“%1” is not “latitude,longitude” (for example 35.68,139.69)</source>
        <translation>“%1” は「緯度,経度」の形式ではありません（例: 35.68,139.69）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the latitude “%1” is not a number</source>
        <translation>緯度「%1」が数値ではありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the longitude “%1” is not a number</source>
        <translation>経度「%1」が数値ではありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the latitude %1 is outside −90…90</source>
        <translation>緯度 %1 が −90…90 の範囲外です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the longitude %1 is outside −180…180</source>
        <translation>経度 %1 が −180…180 の範囲外です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a location</source>
        <translation>“%1” は位置ではありません</translation>
    </message>
</context>
<context>
    <name>Meridian::DeployDialog</name>
    <message>
        <location filename="../ui/rollout/deploydialog.cpp" line="+35"/>
        <source>Pause between waves</source>
        <translation>ウェーブ間で一時停止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry Run (Server)</source>
        <translation>ドライラン (サーバー)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy</source>
        <translation>デプロイ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deploy to the Federation</source>
        <translation>フェデレーションへのデプロイ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kubernetes YAML, several documents separated by ---</source>
        <translation>Kubernetes YAML（複数のドキュメントは --- で区切ります）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checked clusters roll out first; the rest follow once they are Available. None checked: all at once.</source>
        <translation>チェックしたクラスタが最初にロールアウトし、それらが利用可能になってから残りが続きます。チェックなし: すべて同時。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First wave:</source>
        <translation>最初のウェーブ:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+162"/>
        <location line="+16"/>
        <source>editor</source>
        <translation>エディタ</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Open Manifest</source>
        <translation>マニフェストを開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YAML (*.yaml *.yml *.json);;All files (*)</source>
        <translation>YAML (*.yaml *.yml *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み取れません: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>1 object, ready to deploy.</source>
        <translation>1 個のオブジェクト、デプロイの準備ができました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 objects, ready to deploy.</source>
        <translation>%1 個のオブジェクト、デプロイの準備ができました。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Server dry run (dryRun=All): nothing is stored.</source>
        <translation>サーバー ドライラン (dryRun=All): 何も保存されません。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 updated, %2 ready, %3 available of %4</source>
        <translation>%4 個中 %1 個が更新済み、%2 個が準備完了、%3 個が利用可能</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wave %1 is Available. Continue with wave %2 (%3)?</source>
        <translation>ウェーブ %1 が利用可能になりました。ウェーブ %2 (%3) を続行しますか?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dry run finished.</source>
        <translation>ドライランが完了しました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dry run failed.</source>
        <translation>ドライランが失敗しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolled out on every cluster.</source>
        <translation>すべてのクラスタでロールアウトしました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped: %1</source>
        <translation>停止しました: %1</translation>
    </message>
</context>
<context>
    <name>Meridian::DetailsPane</name>
    <message>
        <location filename="../ui/details/detailspane.cpp" line="+49"/>
        <source>Desired</source>
        <comment>replicas</comment>
        <translation>希望数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <comment>replicas</comment>
        <translation>更新済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+195"/>
        <location line="+44"/>
        <source>Ready</source>
        <comment>replicas</comment>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>Available</source>
        <comment>replicas</comment>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>your setting (Settings ▸ Locations)</source>
        <translation>あなたの設定（設定 ▸ 位置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the meridian.dev/location label</source>
        <translation>meridian.dev/location ラベル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the Karmada cluster&apos;s region</source>
        <translation>Karmada クラスタのリージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the nodes&apos; topology labels</source>
        <translation>ノードのトポロジー ラベル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the kubeconfig context name</source>
        <translation>kubeconfig のコンテキスト名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the API server&apos;s address</source>
        <translation>API サーバーのアドレス</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a cluster on the map or in the list, or a workload, to see it here.</source>
        <translation>地図または一覧でクラスタを、あるいはワークロードを選択すると、ここに表示されます。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Context:</source>
        <translation>コンテキスト:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API server:</source>
        <translation>API サーバー:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version:</source>
        <translation>バージョン:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes:</source>
        <translation>ノード:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last success:</source>
        <translation>最終成功:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location:</source>
        <translation>位置:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Workloads in this cluster</source>
        <translation>このクラスタのワークロード</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Namespace/Name</source>
        <translation>名前空間/名前</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+44"/>
        <location line="+50"/>
        <source>Revision</source>
        <translation>リビジョン</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+44"/>
        <source>Drift</source>
        <translation>ドリフト</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+44"/>
        <source>Images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Enter or double-click shows the workload.</source>
        <translation>Enter またはダブルクリックでワークロードを表示します。</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+531"/>
        <source>Replicas per cluster</source>
        <translation>クラスタごとのレプリカ</translation>
    </message>
    <message>
        <location line="-525"/>
        <source>Members</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <location line="+20"/>
        <location line="+25"/>
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Members of the workload</source>
        <translation>ワークロードのメンバー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter or double-click selects the cluster on the map.</source>
        <translation>Enter またはダブルクリックで地図上のクラスタを選択します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conditions</source>
        <translation>コンディション</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;all</source>
        <translation>すべて表示(&amp;A)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Condition</source>
        <translation>コンディション</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <comment>condition</comment>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <comment>condition</comment>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <comment>condition</comment>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployment conditions</source>
        <translation>Deployment のコンディション</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all &amp;pods</source>
        <translation>すべての Pod を表示(&amp;P)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <comment>pod</comment>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <comment>containers</comment>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarts</source>
        <translation>再起動回数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods of the workload</source>
        <translation>ワークロードの Pod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or double-click selects the pod&apos;s cluster on the map.</source>
        <translation>Enter またはダブルクリックで Pod のクラスタを地図上で選択します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;normal events</source>
        <translation>通常のイベントも表示(&amp;N)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last seen</source>
        <translation>最終発生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <comment>event</comment>
        <translation>種別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <comment>event</comment>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <comment>event</comment>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events of the workload</source>
        <translation>ワークロードのイベント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or double-click selects the event&apos;s cluster on the map.</source>
        <translation>Enter またはダブルクリックでイベントのクラスタを地図上で選択します。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1 (%2)</source>
        <comment>note (clusters)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading pods and events…</source>
        <translation>Pod とイベントを読み込んでいます…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pods.</source>
        <translation>Pod はありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pods yet.</source>
        <translation>Pod はまだありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods: %1 · ready: %2 · need attention: %3</source>
        <translation>Pod: %1 · 準備完了: %2 · 要確認: %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1/%2</source>
        <comment>ready/containers</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The table shows the first %1.</source>
        <translation>表には最初の %1 件を表示しています。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No events.</source>
        <translation>イベントはありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events: %1 · warnings: %2</source>
        <translation>イベント: %1 · 警告: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Older events not shown: %1.</source>
        <translation>表示していない古いイベント: %1 件。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (×%2)</source>
        <comment>reason (count)</comment>
        <translation>%1 (×%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from %1</source>
        <translation>送信元: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>unknown</source>
        <comment>version</comment>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 Ready</source>
        <translation>%1 / %2 が準備完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <comment>nodes</comment>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <comment>time (how long ago)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <comment>region (lat, lon)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — from %2</source>
        <translation>%1 — %2 から</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown: the cluster sits in the Unplaced tray. Set its location in Settings ▸ Locations.</source>
        <translation>不明: クラスタは「未配置」トレイにあります。設定 ▸ 位置 で位置を設定してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Verification is off (insecure-skip-tls-verify in the kubeconfig)</source>
        <translation>⚠ 検証がオフです（kubeconfig の insecure-skip-tls-verify）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+89"/>
        <source>%1/%2</source>
        <comment>ready/desired</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>pod template</source>
        <comment>drift</comment>
        <translation>Pod テンプレート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>images</source>
        <comment>drift</comment>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replicas</source>
        <comment>drift</comment>
        <translation>レプリカ</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Clusters: %1</source>
        <translation>クラスタ: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 desired, %2 updated, %3 ready, %4 available</source>
        <translation>希望 %1、更新済み %2、準備完了 %3、利用可能 %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>revision %1</source>
        <translation>リビジョン %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <comment>revision</comment>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revisions %1</source>
        <translation>リビジョン %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>placed by %1 %2</source>
        <translation>%1 %2 による配置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Drift (%1) in: %2</source>
        <translation>⚠ ドリフト（%1）: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Desired %1, updated %2, ready %3, available %4, planned %5</source>
        <translation>希望 %1、更新済み %2、準備完了 %3、利用可能 %4、計画 %5</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No conditions reported yet.</source>
        <translation>コンディションはまだ報告されていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All conditions are fine in every cluster (%1).</source>
        <translation>すべてのクラスタですべてのコンディションが正常です（%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conditions that need attention: %1.</source>
        <translation>注意が必要なコンディション: %1。</translation>
    </message>
</context>
<context>
    <name>Meridian::DistributionBar</name>
    <message>
        <location filename="../ui/placement/distributionbar.cpp" line="+23"/>
        <source>Replica distribution</source>
        <translation>レプリカの分布</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>%1: %2 now, %3 planned</source>
        <translation>%1: 現在 %2、予定 %3</translation>
    </message>
</context>
<context>
    <name>Meridian::Federation::DirectBackend</name>
    <message>
        <location filename="../src/federation/directbackend.cpp" line="+220"/>
        <source>Pods are not watched in this cluster</source>
        <translation>このクラスタでは Pod を監視していません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not listed: %1</source>
        <translation>一覧を取得できません: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still listing pods and events</source>
        <translation>Pod とイベントの一覧を取得中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As last seen: %1</source>
        <translation>最後に確認した状態: %1</translation>
    </message>
    <message>
        <location line="+200"/>
        <source>%1 of %2 nodes are not Ready</source>
        <translation>%2 台中 %1 台のノードが Ready ではありません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cluster has no nodes</source>
        <translation>クラスタにノードがありません</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>No federation.kubernetes.io/deployment-preferences annotation: replicas are spread evenly, as Federation does.</source>
        <translation>federation.kubernetes.io/deployment-preferences アノテーションがありません。Federation と同様にレプリカを均等に分散します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The preferences annotation cannot be read (%1): replicas are spread evenly, as Federation does.</source>
        <translation>設定アノテーションを読み取れません (%1)。Federation と同様にレプリカを均等に分散します。</translation>
    </message>
</context>
<context>
    <name>Meridian::Federation::KarmadaBackend</name>
    <message>
        <location filename="../src/federation/karmadabackend.cpp" line="+347"/>
        <source>The cluster has no nodes</source>
        <translation>クラスタにノードがありません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 nodes are not Ready</source>
        <translation>%2 個のノードのうち %1 個が準備完了ではありません</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Karmada reports the cluster not Ready (%1): %2</source>
        <translation>Karmada はこのクラスタを準備完了ではないと報告しています（%1）: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Karmada has not reported the cluster&apos;s health yet</source>
        <translation>Karmada はまだこのクラスタの正常性を報告していません</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>Pods are not watched in this cluster</source>
        <translation>このクラスタでは Pod を監視していません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods are read for the followed workload only</source>
        <translation>Pod は表示中のワークロードについてのみ読み取ります</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not listed: %1</source>
        <translation>一覧を取得できません: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still listing pods and events</source>
        <translation>Pod とイベントの一覧を取得中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As last seen: %1</source>
        <translation>最後に確認した状態: %1</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>No PropagationPolicy or ClusterPropagationPolicy selects this Deployment: Karmada does not propagate it.</source>
        <translation>この Deployment を選択する PropagationPolicy も ClusterPropagationPolicy もありません。Karmada は伝播しません。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The placement of %1 %2 cannot be read (%3).</source>
        <translation>%1 %2 の配置を読み取れません (%3)。</translation>
    </message>
    <message>
        <location line="-336"/>
        <source>no answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Karmada control plane (context %1) cannot be read: %2</source>
        <translation>Karmada コントロール プレーン（コンテキスト %1）を読み取れません: %2</translation>
    </message>
    <message>
        <location line="+367"/>
        <source>Karmada: %1 is %2 (%3): %4</source>
        <translation>Karmada: %1 は %2 です（%3）: %4</translation>
    </message>
</context>
<context>
    <name>Meridian::Geo::WorldMapData</name>
    <message>
        <location filename="../src/core/geo/worldmapdata.cpp" line="+45"/>
        <source>The built-in map data is damaged (truncated).</source>
        <translation>内蔵の地図データが破損しています（途中で切れています）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The built-in map data has an unknown format.</source>
        <translation>内蔵の地図データの形式が不明です。</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube</name>
    <message>
        <location filename="../src/kube/apiclient.cpp" line="+45"/>
        <source>HTTP %1 with an empty body</source>
        <translation>HTTP %1（本文なし）</translation>
    </message>
    <message>
        <location filename="../src/kube/clusterprobe.cpp" line="+60"/>
        <source>%1 of %2 nodes are not Ready</source>
        <translation>%2 台中 %1 台のノードが Ready ではありません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cluster has no nodes</source>
        <translation>クラスタにノードがありません</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The node list could not be read: %1</source>
        <translation>ノード一覧を読み取れません: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected kind NodeList, got &quot;%1&quot;</source>
        <translation>kind NodeList が必要ですが、&quot;%1&quot; でした</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Unauthorized (401): %1</source>
        <translation>認証エラー (401): %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forbidden (403): %1</source>
        <translation>権限なし (403): %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API server answered HTTP %1 (%2): %3</source>
        <translation>API サーバーが HTTP %1 (%2) を返しました: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection refused: %1</source>
        <translation>接続が拒否されました: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timed out: %1</source>
        <translation>タイムアウトしました: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS error: %1</source>
        <translation>TLS エラー: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host not found: %1</source>
        <translation>ホストが見つかりません: %1</translation>
    </message>
    <message>
        <location filename="../src/kube/credentials.cpp" line="+28"/>
        <source>Cannot read %1 %2: %3</source>
        <translation>%1 %2 を読み込めません: %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>certificate-authority</source>
        <translation>certificate-authority</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>tokenFile</source>
        <translation>tokenFile</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>client-certificate</source>
        <translation>client-certificate</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>client-key</source>
        <translation>client-key</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>User &quot;%1&quot; (%2) has a client certificate without its key, or a key without its certificate</source>
        <translation>ユーザー &quot;%1&quot; (%2) には、鍵のないクライアント証明書、または証明書のない鍵があります</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>the plugin&apos;s output is not an ExecCredential JSON object (%1 at offset %2)</source>
        <translation>プラグインの出力が ExecCredential の JSON オブジェクトではありません（オフセット %2 で %1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the plugin&apos;s output has kind &quot;%1&quot;, not ExecCredential</source>
        <translation>プラグインの出力の kind が ExecCredential ではなく &quot;%1&quot; です</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the plugin answered with apiVersion &quot;%1&quot; but was asked for &quot;%2&quot;</source>
        <translation>プラグインは apiVersion &quot;%2&quot; で呼び出されましたが、&quot;%1&quot; で応答しました</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>status.expirationTimestamp &quot;%1&quot; is not RFC 3339</source>
        <translation>status.expirationTimestamp &quot;%1&quot; が RFC 3339 形式ではありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the ExecCredential has neither status.token nor status.clientCertificateData</source>
        <translation>ExecCredential に status.token も status.clientCertificateData もありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the ExecCredential must carry clientCertificateData and clientKeyData together</source>
        <translation>ExecCredential には clientCertificateData と clientKeyData の両方が必要です</translation>
    </message>
    <message>
        <location filename="../src/kube/kubeconfig.cpp" line="+132"/>
        <source>expected a list</source>
        <translation>リストが必要です</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a mapping with name and %1</source>
        <translation>name と %1 を持つマッピングが必要です</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+23"/>
        <source>is missing</source>
        <translation>がありません</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+263"/>
        <source>expected a mapping</source>
        <translation>マッピングが必要です</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>&quot;%1&quot; is not supported; use client.authentication.k8s.io/v1 or v1beta1</source>
        <translation>&quot;%1&quot; はサポートされていません。client.authentication.k8s.io/v1 または v1beta1 を使用してください</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is required for client.authentication.k8s.io/v1 (Never, IfAvailable or Always)</source>
        <translation>は client.authentication.k8s.io/v1 では必須です（Never、IfAvailable、Always のいずれか）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a list of strings</source>
        <translation>文字列のリストが必要です</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected a list of {name, value}</source>
        <translation>{name, value} のリストが必要です</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected {name, value}</source>
        <translation>{name, value} が必要です</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>%1:%2:%3: not valid YAML: %4</source>
        <translation>%1:%2:%3: YAML として正しくありません: %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>document</source>
        <translation>ドキュメント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a mapping (apiVersion, kind, clusters, ...)</source>
        <translation>マッピング（apiVersion、kind、clusters など）が必要です</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&quot;%1&quot; is not a valid URL</source>
        <translation>&quot;%1&quot; は有効な URL ではありません</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read kubeconfig %1: %2</source>
        <translation>kubeconfig %1 を読み込めません: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::ApiClient</name>
    <message>
        <location filename="../src/kube/apiclient.cpp" line="+77"/>
        <source>no credential provider</source>
        <translation>認証情報プロバイダーがありません</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::ExecCredentialProvider</name>
    <message>
        <location filename="../src/kube/credentials.cpp" line="+39"/>
        <source>no exec plugin configured</source>
        <translation>exec プラグインが設定されていません</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>user &quot;%1&quot; (%2)</source>
        <translation>ユーザー &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The exec plugin of %1 has interactiveMode: Always, so it needs a terminal; Meridian runs plugins without one. Run it once in a terminal or change interactiveMode to IfAvailable.</source>
        <translation>%1 の exec プラグインは interactiveMode: Always のため端末が必要ですが、Meridian は端末なしでプラグインを実行します。一度端末で実行するか、interactiveMode を IfAvailable に変更してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The exec plugin &quot;%1&quot; of %2 was not found (looked in: %3).</source>
        <translation>%2 の exec プラグイン &quot;%1&quot; が見つかりません（検索場所: %3）。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The exec plugin %1 of %2 did not answer within %3 s.</source>
        <translation>%2 の exec プラグイン %1 が %3 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The exec plugin %1 of %2 failed (exit code %3): %4</source>
        <translation>%2 の exec プラグイン %1 が失敗しました（終了コード %3）: %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The exec plugin %1 of %2: %3</source>
        <translation>%2 の exec プラグイン %1: %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The exec plugin %1 of %2 could not be started: %3</source>
        <translation>%2 の exec プラグイン %1 を起動できません: %3</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::Informer</name>
    <message>
        <location filename="../src/kube/informer.cpp" line="+261"/>
        <source>the list response is not JSON: %1</source>
        <translation>一覧の応答が JSON ではありません: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>a watch event is not JSON</source>
        <translation>watch イベントが JSON ではありません</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::Kubeconfig</name>
    <message>
        <location filename="../src/kube/kubeconfig.cpp" line="-206"/>
        <source>No context was given and the kubeconfig sets no current-context. Available contexts: %1</source>
        <translation>コンテキストが指定されておらず、kubeconfig に current-context もありません。利用できるコンテキスト: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Context &quot;%1&quot; is not in the kubeconfig (%2). Available contexts: %3</source>
        <translation>コンテキスト &quot;%1&quot; は kubeconfig (%2) にありません。利用できるコンテキスト: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Context &quot;%1&quot; refers to cluster &quot;%2&quot;, which is not defined in %3</source>
        <translation>コンテキスト &quot;%1&quot; はクラスタ &quot;%2&quot; を参照していますが、%3 に定義されていません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cluster &quot;%1&quot; has no server address (%2)</source>
        <translation>クラスタ &quot;%1&quot; にサーバー アドレスがありません (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Context &quot;%1&quot; refers to user &quot;%2&quot;, which is not defined in %3</source>
        <translation>コンテキスト &quot;%1&quot; はユーザー &quot;%2&quot; を参照していますが、%3 に定義されていません</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::Projection</name>
    <message>
        <location filename="../src/kube/projection.cpp" line="+46"/>
        <source>expected a field name at offset %1</source>
        <translation>オフセット %1 にフィールド名が必要です</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected &quot;}&quot; at offset %1</source>
        <translation>オフセット %1 に &quot;}&quot; が必要です</translation>
    </message>
    <message>
        <location line="+256"/>
        <source>unexpected &quot;%1&quot; at offset %2</source>
        <translation>オフセット %2 に予期しない &quot;%1&quot; があります</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>not JSON: %1</source>
        <translation>JSON ではありません: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the list response is not JSON: %1</source>
        <translation>一覧の応答が JSON ではありません: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the list response is not a JSON object</source>
        <translation>一覧の応答が JSON オブジェクトではありません</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the list response&apos;s &quot;items&quot; is not an array</source>
        <translation>一覧の応答の &quot;items&quot; が配列ではありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>item %1 of the list response is not an object</source>
        <translation>一覧の応答の項目 %1 がオブジェクトではありません</translation>
    </message>
</context>
<context>
    <name>Meridian::Kube::Reader</name>
    <message>
        <location filename="../src/kube/kubeconfig.cpp" line="-233"/>
        <source>expected a string</source>
        <translation>文字列が必要です</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected true or false</source>
        <translation>true または false が必要です</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is not valid base64</source>
        <translation>は有効な base64 ではありません</translation>
    </message>
</context>
<context>
    <name>Meridian::Logs</name>
    <message>
        <location filename="../src/logs/googleauth.cpp" line="+57"/>
        <source>%1 is not a JSON key file (%2 at byte %3).</source>
        <translation>%1 は JSON 鍵ファイルではありません（バイト %3 で %2）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds &quot;%2&quot; credentials; Meridian reads service-account keys (type &quot;service_account&quot;). For your own account, log in with gcloud and leave --credentials out.</source>
        <translation>%1 には &quot;%2&quot; の認証情報が含まれています。Meridian が読み取るのはサービス アカウント キー（type &quot;service_account&quot;）です。ご自身のアカウントを使う場合は、gcloud でログインし、--credentials を省略してください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 has no &quot;%2&quot;; download the key file again from the Cloud console.</source>
        <translation>%1 に &quot;%2&quot; がありません。Cloud コンソールから鍵ファイルをもう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot read the key file %1: %2.</source>
        <translation>鍵ファイル %1 を読み取れません: %2。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The private_key of service account %1 is not a PEM private key.</source>
        <translation>サービス アカウント %1 の private_key は PEM 秘密鍵ではありません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot sign a JWT with the key of %1 (RS256 needs an RSA key).</source>
        <translation>%1 の鍵で JWT に署名できません（RS256 には RSA 鍵が必要です）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot sign a JWT with the key of %1.</source>
        <translation>%1 の鍵で JWT に署名できません。</translation>
    </message>
    <message>
        <location filename="../src/logs/pagedecoder.cpp" line="+335"/>
        <source>The Cloud Logging answer is not a valid entries:list page (%1); %2 bytes, starting &quot;%3&quot;.</source>
        <translation>Cloud Logging の応答は有効な entries:list ページではありません（%1）。%2 バイト、先頭 &quot;%3&quot;。</translation>
    </message>
</context>
<context>
    <name>Meridian::Logs::AccessTokenProvider</name>
    <message>
        <location filename="../src/logs/googleauth.cpp" line="+63"/>
        <source>the in-memory key</source>
        <translation>メモリ内の鍵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service-account key %1</source>
        <translation>サービス アカウント キー %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>service account %1 (%2)</source>
        <translation>サービス アカウント %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gcloud auth print-access-token</source>
        <translation>gcloud auth print-access-token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the GCE metadata server</source>
        <translation>GCE メタデータ サーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a fixed access token</source>
        <translation>固定のアクセス トークン</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No Google credentials were found.</source>
        <translation>Google の認証情報が見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+79"/>
        <source>The transport is gone.</source>
        <translation>トランスポートがなくなりました。</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>The token endpoint %1 refused service account %2: %3.</source>
        <translation>トークン エンドポイント %1 がサービス アカウント %2 を拒否しました: %3。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>`gcloud auth print-access-token` failed (exit %1): %2. Run `gcloud auth login`, or pass --credentials KEYFILE.</source>
        <translation>`gcloud auth print-access-token` が失敗しました（終了コード %1）: %2。`gcloud auth login` を実行するか、--credentials KEYFILE を指定してください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot run %1: %2.</source>
        <translation>%1 を実行できません: %2。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No Google credentials: no --credentials, no GOOGLE_APPLICATION_CREDENTIALS, no gcloud, and the metadata server %1 did not answer (%2).</source>
        <translation>Google の認証情報がありません: --credentials も GOOGLE_APPLICATION_CREDENTIALS も gcloud もなく、メタデータ サーバー %1 も応答しませんでした（%2）。</translation>
    </message>
</context>
<context>
    <name>Meridian::Logs::CloudLoggingClient</name>
    <message>
        <location filename="../src/logs/cloudloggingclient.cpp" line="+78"/>
        <source>Which Google Cloud project? Pass --project (the key file names none).</source>
        <translation>どの Google Cloud プロジェクトですか? --project を指定してください（鍵ファイルにプロジェクトが指定されていません）。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The transport is gone.</source>
        <translation>トランスポートがなくなりました。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cloud Logging quota exhausted (60 entries.list requests a minute)</source>
        <translation>Cloud Logging の割り当てを使い切りました（entries.list リクエストは 1 分あたり 60 件）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cloud Logging at %1 failed (%2)</source>
        <translation>%1 の Cloud Logging が失敗しました（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cloud Logging entries:list at %1 for project %2 failed: %3</source>
        <translation>%1 の Cloud Logging entries:list（プロジェクト %2）が失敗しました: %3</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1; retrying in %2 s.</source>
        <translation>%1。%2 秒後に再試行します。</translation>
    </message>
</context>
<context>
    <name>Meridian::Logs::LogBrowser</name>
    <message>
        <location filename="../ui/logs/logbrowser.cpp" line="+50"/>
        <location line="+262"/>
        <source>All Times</source>
        <translation>すべての時間</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>Show Cluster on Map</source>
        <translation>地図でクラスタを表示</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clusters</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the logs of the checked clusters only.</source>
        <translation>チェックしたクラスタのログのみを表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and above</source>
        <translation>%1 以上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lowest severity shown.</source>
        <translation>表示する最低の重大度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contains…</source>
        <translation>含む…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show messages containing this text (case-insensitive).</source>
        <translation>このテキストを含むメッセージを表示します（大文字と小文字を区別しません）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regular expression…</source>
        <translation>正規表現…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+94"/>
        <source>Show messages matching this regular expression (case-insensitive).</source>
        <translation>この正規表現に一致するメッセージを表示します（大文字と小文字を区別しません）。</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Exclude…</source>
        <translation>除外…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide messages containing this text (case-insensitive).</source>
        <translation>このテキストを含むメッセージを非表示にします（大文字と小文字を区別しません）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop the time range chosen on the histogram.</source>
        <translation>ヒストグラムで選択した時間範囲を解除します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By Cluster</source>
        <translation>クラスタ別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By Severity</source>
        <translation>重大度別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the entries the filter shows as NDJSON or CSV.</source>
        <translation>フィルタで表示されているエントリを NDJSON または CSV として保存します。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select an entry to see all of it.</source>
        <translation>エントリを選択すると全体が表示されます。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>This regular expression does not compile: %1</source>
        <translation>この正規表現はコンパイルできません: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Following new entries.</source>
        <translation>新しいエントリを追跡しています。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading logs failed: %1</source>
        <translation>ログの読み取りに失敗しました: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Select a workload: its pods&apos; logs are read from every cluster.</source>
        <translation>ワークロードを選択してください。その Pod のログをすべてのクラスタから読み込みます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading logs…</source>
        <translation>ログを読み取っています…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 – %2 ✕</source>
        <translation>%1 – %2 ✕</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 shown of %2 entries · %3 MB of %4 MB</source>
        <translation>%2 件のエントリのうち %1 件を表示 · %4 MB 中 %3 MB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> · %1 oldest evicted to stay within the memory budget</source>
        <translation> · メモリ上限内に収めるため古い %1 件を破棄しました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · filtering…</source>
        <translation> · フィルタ処理中…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Export Logs</source>
        <translation>ログのエクスポート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NDJSON (*.ndjson *.jsonl);;CSV (*.csv)</source>
        <translation>NDJSON (*.ndjson *.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exported to %1.</source>
        <translation>%1 にエクスポートしました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot export to %1: %2</source>
        <translation>%1 にエクスポートできません: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Logs::LogHistogramView</name>
    <message>
        <location filename="../ui/logs/loghistogramview.cpp" line="+19"/>
        <source>Drag across bars to show only that time range.</source>
        <translation>バーをドラッグすると、その時間範囲のみを表示します。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 – %2 UTC, %3 s a bar</source>
        <translation>%1 – %2 UTC、1 バーあたり %3 秒</translation>
    </message>
</context>
<context>
    <name>Meridian::Logs::LogTableModel</name>
    <message>
        <location filename="../ui/logs/logtablemodel.cpp" line="+221"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namespace</source>
        <translation>名前空間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Container</source>
        <translation>コンテナ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <comment>log entry</comment>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>Meridian::Logs::PodLogSource</name>
    <message>
        <location filename="../src/logs/podlogsource.cpp" line="+92"/>
        <source>The kubeconfig (%1) defines no context for the Karmada control plane.</source>
        <translation>kubeconfig (%1) に Karmada コントロールプレーンのコンテキストがありません。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cannot list the member clusters of the Karmada control plane (context %1): %2</source>
        <translation>Karmada コントロールプレーン (コンテキスト %1) のメンバークラスタの一覧を取得できません: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The Karmada control plane (context %1) has no member clusters.</source>
        <translation>Karmada コントロールプレーン (コンテキスト %1) にメンバークラスタがありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Karmada member cluster matches the clusters %1 (the members are %2).</source>
        <translation>クラスタ %1 に一致する Karmada メンバークラスタがありません (メンバー: %2)。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No kubeconfig context matches the clusters %1.</source>
        <translation>クラスタ %1 に一致する kubeconfig コンテキストがありません。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1: cannot list pods: %2</source>
        <translation>%1: Pod を一覧表示できません: %2</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1: log of %2/%3: %4</source>
        <translation>%1: %2/%3 のログ: %4</translation>
    </message>
</context>
<context>
    <name>Meridian::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+107"/>
        <source>Clusters</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Workloads</source>
        <translation>ワークロード</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+524"/>
        <source>Meridian</source>
        <translation>Meridian</translation>
    </message>
    <message>
        <location line="-503"/>
        <source>Member clusters</source>
        <translation>メンバー クラスタ</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Federated workloads</source>
        <translation>フェデレーション ワークロード</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit &amp;Placement of the Selected Workload</source>
        <translation>選択したワークロードの配置を編集(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a workload to edit its placement.</source>
        <translation>配置を編集するワークロードを選択してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clusters and workloads stay current through watches; every cluster is probed again every 30 s. F5 probes now.</source>
        <translation>クラスタとワークロードはウォッチで最新に保たれ、各クラスタは 30 秒ごとに再確認されます。F5 で今すぐ確認します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refreshing</source>
        <translation>更新中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rollout</source>
        <translation>ロールアウト</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Rollout</source>
        <translation>ロールアウト(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deploy…</source>
        <translation>デプロイ(&amp;D)…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Meridian could not list the workloads: %1</source>
        <translation>Meridian はワークロードを一覧表示できませんでした: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Kubeconfig…</source>
        <translation>kubeconfig を開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System</source>
        <comment>theme</comment>
        <translation>システム(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <comment>theme</comment>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <comment>theme</comment>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Fit Clusters</source>
        <translation>クラスタに合わせる(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Whole World</source>
        <translation>世界全体(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go To</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Map</source>
        <translation>地図(&amp;M)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Meridian</source>
        <translation>Meridian について(&amp;A)</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>%1 — Meridian</source>
        <translation>%1 — Meridian</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Meridian could not open the federation: %1</source>
        <translation>Meridian はフェデレーションを開けませんでした: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another kubeconfig (Ctrl+O), or &lt;a href=&quot;meridian:demo&quot;&gt;try the demo federation&lt;/a&gt;.</source>
        <translation>別の kubeconfig を開くか (Ctrl+O)、&lt;a href=&quot;meridian:demo&quot;&gt;デモ フェデレーションを試してください&lt;/a&gt;。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Open Kubeconfig</source>
        <translation>kubeconfig を開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubeconfig files (*)</source>
        <translation>kubeconfig ファイル (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About Meridian</source>
        <translation>Meridian について</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;One console for one workload on many Kubernetes clusters.&lt;/p&gt;&lt;p&gt;Built with Qt %2, libcurl and yaml-cpp.&lt;/p&gt;&lt;p&gt;Map data: Natural Earth (public domain), via the world-atlas package (ISC).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;多数の Kubernetes クラスタで動く一つのワークロードのためのコンソール。&lt;/p&gt;&lt;p&gt;Qt %2、libcurl、yaml-cpp で構築されています。&lt;/p&gt;&lt;p&gt;地図データ: Natural Earth（パブリック ドメイン）、world-atlas パッケージ経由（ISC）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Clusters: %1</source>
        <translation>クラスタ: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <comment>count, cluster state</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 — %3</source>
        <comment>cluster: state — reason</comment>
        <translation>%1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n failing</source>
        <translation>
            <numerusform>%n 件が異常</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ TLS verification is off for %1 of them</source>
        <translation>⚠ うち %1 件は TLS 検証が無効です</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refreshing…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated %1</source>
        <translation>%1 に更新</translation>
    </message>
    <message>
        <location line="-538"/>
        <source>Logs</source>
        <translation>ログ</translation>
    </message>
</context>
<context>
    <name>Meridian::MapAssets</name>
    <message>
        <location filename="../ui/map/mapassets.cpp" line="+37"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Net::Reply</name>
    <message>
        <location filename="../src/net/transport.cpp" line="+125"/>
        <source>The request was cancelled.</source>
        <translation>リクエストはキャンセルされました。</translation>
    </message>
</context>
<context>
    <name>Meridian::Placement</name>
    <message>
        <location filename="../src/placement/preferencesconversion.cpp" line="+20"/>
        <source>Federation preferences annotation</source>
        <translation>Federation 設定アノテーション</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KubeFed ReplicaSchedulingPreference</source>
        <translation>KubeFed ReplicaSchedulingPreference</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Karmada PropagationPolicy</source>
        <translation>Karmada PropagationPolicy</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>rebalance: Karmada has no switch to keep replicas where they run</source>
        <translation>rebalance: Karmada には、実行中のレプリカをその場に保つ設定がありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>totalReplicas (%1): a PropagationPolicy takes the total from the workload&apos;s spec.replicas</source>
        <translation>totalReplicas (%1): PropagationPolicy はワークロードの spec.replicas を合計として使います</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2): Karmada static weights have no per-cluster minimum</source>
        <translation>%1 (%2): Karmada の静的重みにはクラスタごとの最小値がありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2): Karmada static weights have no per-cluster maximum</source>
        <translation>%1 (%2): Karmada の静的重みにはクラスタごとの最大値がありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: weight 0 has no Karmada form (weights are at least 1); the cluster is left out</source>
        <translation>%1: 重み 0 は Karmada で表せません（重みは 1 以上）。このクラスタは除外されます</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2): Karmada takes the largest matching weight, so the &quot;*&quot; rule&apos;s %3 applies instead</source>
        <translation>%1 (%2): Karmada は一致する最大の重みを使うため、代わりに &quot;*&quot; ルールの %3 が適用されます</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>replicaSchedulingType Duplicated: the Federation planner always divides the replicas</source>
        <translation>replicaSchedulingType Duplicated: Federation のプランナーは常にレプリカを分割します</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replicaDivisionPreference Aggregated: the Federation planner has no fewest-clusters mode</source>
        <translation>replicaDivisionPreference Aggregated: Federation のプランナーには最少クラスタ モードがありません</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>weightPreference.dynamicWeight AvailableReplicas: the Federation planner uses static weights only</source>
        <translation>weightPreference.dynamicWeight AvailableReplicas: Federation のプランナーは静的な重みのみを使います</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>totalReplicas (%1): the annotation takes the total from the object&apos;s spec.replicas</source>
        <translation>totalReplicas (%1): アノテーションはオブジェクトの spec.replicas を合計として使います</translation>
    </message>
    <message>
        <location filename="../src/placement/preferencesdocument.cpp" line="+55"/>
        <source>must be an integer ≥ %1</source>
        <translation>%1 以上の整数である必要があります</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be an integer from %1 to %2</source>
        <translation>%1 から %2 までの整数である必要があります</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>%1, got %2</source>
        <translation>%1（%2 が指定されました）</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1, got %2, which is beyond the 64-bit integer range</source>
        <translation>%1（%2 が指定されましたが、64 ビット整数の範囲を超えています）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (no fraction or exponent), got %2</source>
        <translation>%1（小数や指数は使えません。%2 が指定されました）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>must be true or false, got %1</source>
        <translation>true または false である必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be a string, got %1</source>
        <translation>文字列である必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be an object, got %1</source>
        <translation>オブジェクトである必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>unknown field (expected %1)</source>
        <translation>不明なフィールドです（%1 のいずれかが必要です）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>given twice, as &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>&quot;%1&quot; と &quot;%2&quot; として 2 回指定されています</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a cluster name cannot be empty</source>
        <translation>クラスタ名を空にすることはできません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a cluster name cannot contain control characters</source>
        <translation>クラスタ名に制御文字は使えません</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>minReplicas (%1) is greater than maxReplicas (%2)</source>
        <translation>minReplicas (%1) が maxReplicas (%2) より大きくなっています</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must name at least one cluster (or &quot;*&quot;)</source>
        <translation>少なくとも一つのクラスタ（または &quot;*&quot;）を指定する必要があります</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>missing; without it every cluster gets 0 replicas</source>
        <translation>がありません。これがないと、すべてのクラスタのレプリカ数は 0 になります</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1; the engine then spreads evenly, as {&quot;clusters&quot;:{&quot;*&quot;:{&quot;weight&quot;:1}}}</source>
        <translation>%1。この場合、エンジンは {&quot;clusters&quot;:{&quot;*&quot;:{&quot;weight&quot;:1}}} として均等に分散します</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1: malformed JSON at offset %2: %3</source>
        <translation>%1: オフセット %2 の JSON が不正です: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: must be a JSON object</source>
        <translation>%1: JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+305"/>
        <source>must be an object</source>
        <translation>オブジェクトである必要があります</translation>
    </message>
    <message>
        <location line="-279"/>
        <location line="+94"/>
        <location line="+8"/>
        <source>missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>must be FederatedDeployment or FederatedReplicaSet, got &quot;%1&quot;</source>
        <translation>FederatedDeployment または FederatedReplicaSet である必要があります（&quot;%1&quot; が指定されました）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>spec.clusters is empty</source>
        <translation>spec.clusters が空です</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>must be a list, got %1</source>
        <translation>リストである必要があります（%1 が指定されました）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must hold at least one rule</source>
        <translation>少なくとも一つのルールが必要です</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>must be a list of cluster names</source>
        <translation>クラスタ名のリストである必要があります</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 selects clusters by label or field; Meridian cannot evaluate it offline and leaves it out of the plan</source>
        <translation>%1 はラベルまたはフィールドでクラスタを選択します。Meridian はオフラインでは評価できないため、プランから除外します</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is missing; Karmada then duplicates: every cluster runs all replicas</source>
        <translation>%1 がありません。この場合 Karmada は複製し、すべてのクラスタが全レプリカを実行します</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>must be Duplicated or Divided, got &quot;%1&quot;</source>
        <translation>Duplicated または Divided である必要があります（&quot;%1&quot; が指定されました）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be Aggregated or Weighted, got &quot;%1&quot;</source>
        <translation>Aggregated または Weighted である必要があります（&quot;%1&quot; が指定されました）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.weightPreference is missing; Karmada then weighs every cluster 1</source>
        <translation>%1.weightPreference がありません。この場合 Karmada はすべてのクラスタの重みを 1 とします</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>must be AvailableReplicas, got &quot;%1&quot;</source>
        <translation>AvailableReplicas である必要があります（&quot;%1&quot; が指定されました）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1.staticWeightList is ignored because dynamicWeight is set</source>
        <translation>dynamicWeight が設定されているため、%1.staticWeightList は無視されます</translation>
    </message>
    <message>
        <location line="+38"/>
        <source> (the engine would ignore it and spread evenly)</source>
        <translation>（エンジンはこれを無視して均等に分散します）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has no %2 annotation</source>
        <translation>%1 に %2 アノテーションがありません</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>expected a Kubernetes object or an annotation value</source>
        <translation>Kubernetes オブジェクトまたはアノテーションの値が必要です</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected a %1, got &quot;%2&quot;</source>
        <translation>%1 が必要ですが、&quot;%2&quot; でした</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the preferences are not valid UTF-8</source>
        <translation>設定が有効な UTF-8 ではありません</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the preferences contain control character 0x%1 at offset %2</source>
        <translation>設定のオフセット %2 に制御文字 0x%1 があります</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the preferences are empty</source>
        <translation>設定が空です</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>annotation</source>
        <translation>アノテーション</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>could not write the preferences: %1</source>
        <translation>設定を書き出せませんでした: %1</translation>
    </message>
    <message>
        <location filename="../src/core/placement/karmadadivision.cpp" line="+73"/>
        <source>dividing by available replicas needs the available replicas of every cluster; missing for %1</source>
        <translation>利用可能レプリカ数で分割するには、すべてのクラスタの利用可能レプリカ数が必要です。%1 の値がありません</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>clusters have %1 available replicas, not enough to schedule %2</source>
        <translation>クラスタの利用可能レプリカ数は %1 で、%2 をスケジュールするには足りません</translation>
    </message>
    <message>
        <location filename="../src/placement/jsontree.cpp" line="+122"/>
        <source>malformed YAML at line %1, column %2: %3</source>
        <translation>%1 行 %2 列の YAML が不正です: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>malformed YAML: %1</source>
        <translation>YAML が不正です: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: keys must be strings</source>
        <translation>%1: キーは文字列である必要があります</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing</source>
        <translation>空の値</translation>
    </message>
    <message>
        <location filename="../src/placement/draftstore.cpp" line="+86"/>
        <source>Cannot create %1 for the draft.</source>
        <translation>下書き用の %1 を作成できません。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save the draft to %1: %2</source>
        <translation>下書きを %1 に保存できません: %2</translation>
    </message>
    <message>
        <location filename="../src/placement/placementapply.cpp" line="+48"/>
        <source>pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writing</source>
        <translation>書き込み中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflict</source>
        <translation>競合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../src/placement/placementsolver.cpp" line="+97"/>
        <source>The Federation planner cannot place exactly this distribution.</source>
        <translation>Federation のプランナーでは、この分布どおりに配置できません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only a Divided placement with static weights can be rebalanced by dragging; this policy is Duplicated, Aggregated or uses dynamic weights.</source>
        <translation>ドラッグで再配分できるのは、静的な重みを使う Divided の配置だけです。このポリシーは Duplicated または Aggregated であるか、動的な重みを使っています。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Karmada&apos;s static weights cannot place zero replicas on every cluster.</source>
        <translation>Karmada の静的重みでは、すべてのクラスタのレプリカ数を 0 にすることはできません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Karmada&apos;s static weights cannot place exactly this distribution.</source>
        <translation>Karmada の静的重みでは、この分布どおりに配置できません。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: a cluster cannot run %2 replicas.</source>
        <translation>%1: クラスタで %2 個のレプリカを実行することはできません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 replicas do not fit its capacity of %3.</source>
        <translation>%1: %2 個のレプリカは容量 %3 に収まりません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not an available cluster.</source>
        <translation>%1 は利用可能なクラスタではありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The distribution places %1 replicas, more than the total of %2.</source>
        <translation>この分布は %1 個のレプリカを配置しますが、合計 %2 を超えています。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Karmada always places all %1 replicas; the distribution places %2.</source>
        <translation>Karmada は常に %1 個すべてのレプリカを配置しますが、この分布では %2 個です。</translation>
    </message>
    <message>
        <location filename="../src/placement/policyapply.cpp" line="+127"/>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Placement::KarmadaPlacement</name>
    <message>
        <location line="+191"/>
        <source>%1 %2 in every namespace</source>
        <translation>すべての名前空間の %1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every %1 with matching labels</source>
        <translation>ラベルが一致するすべての %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every %1 with matching labels in %2</source>
        <translation>%2 内のラベルが一致するすべての %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every %1</source>
        <translation>すべての %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every %1 in %2</source>
        <translation>%2 内のすべての %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ClusterPropagationPolicy %1 also selects %2: writing it would move those too. Change it with kubectl, or give %3/%4 a PropagationPolicy of its own (it takes precedence).</source>
        <translation>ClusterPropagationPolicy %1 は %2 も選択しています。書き込むとそれらも移動します。kubectl で変更するか、%3/%4 に専用の PropagationPolicy を作成してください (そちらが優先されます)。</translation>
    </message>
</context>
<context>
    <name>Meridian::Placement::PlacementApplyJob</name>
    <message>
        <location filename="../src/placement/placementapply.cpp" line="+61"/>
        <location line="+67"/>
        <source>%1 is not a connected member.</source>
        <translation>%1 は接続済みのメンバーではありません。</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>%1 has no Deployment %2/%3; create it there first.</source>
        <translation>%1 には Deployment %2/%3 がありません。先にそこで作成してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the Deployment on %1 failed: %2</source>
        <translation>%1 上の Deployment の読み取りに失敗しました: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The preferences on %1 were changed by someone else since you started editing (now: %2). Reload and edit again.</source>
        <translation>編集を開始した後に、%1 の設定が他のユーザーによって変更されました（現在: %2）。再読み込みして、もう一度編集してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no annotation</source>
        <translation>アノテーションなし</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Writing the Deployment on %1 failed: %2</source>
        <translation>%1 上の Deployment の書き込みに失敗しました: %2</translation>
    </message>
</context>
<context>
    <name>Meridian::Placement::PlacementEditorModel</name>
    <message>
        <location filename="../src/placement/placementeditormodel.cpp" line="+92"/>
        <source>Restore the saved draft</source>
        <translation>保存された下書きを復元</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Edit %1</source>
        <translation>%1 を編集</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add %1</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allow rebalancing</source>
        <translation>再配分を許可</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep running replicas</source>
        <translation>実行中のレプリカを維持</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set the total to %1</source>
        <translation>合計を %1 に設定</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No drag is in progress.</source>
        <translation>ドラッグ操作は行われていません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <source>Drag replicas</source>
        <translation>レプリカをドラッグ</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+9"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>must be an integer ≥ 0</source>
        <translation>0 以上の整数である必要があります</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>list at least one cluster or &quot;*&quot;</source>
        <translation>少なくとも一つのクラスタまたは &quot;*&quot; を指定してください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a cluster name cannot be empty</source>
        <translation>クラスタ名を空にすることはできません</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>minReplicas (%1) is greater than maxReplicas (%2)</source>
        <translation>minReplicas (%1) が maxReplicas (%2) より大きくなっています</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 is emptied completely (%2 → 0).</source>
        <translation>%1 は完全に空になります（%2 → 0）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is at capacity: %2 replicas overflow.</source>
        <translation>%1 は容量の上限に達しています: %2 個のレプリカがオーバーフローします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only %1 of %2 replicas are placed: the max limits leave no room for the rest.</source>
        <translation>%2 個中 %1 個のレプリカしか配置されません: 最大値の制限により、残りを配置する余地がありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of %2 replicas move at once (more than half).</source>
        <translation>%2 個中 %1 個のレプリカが一度に移動します（半数以上）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import %1</source>
        <translation>%1 をインポート</translation>
    </message>
</context>
<context>
    <name>Meridian::Placement::PlacementRead</name>
    <message>
        <location filename="../src/placement/policyapply.cpp" line="-186"/>
        <source>The Karmada control plane is not connected.</source>
        <translation>Karmada コントロールプレーンに接続していません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading Deployment %1/%2 on the control plane</source>
        <translation>コントロールプレーンの Deployment %1/%2 を読み取り中</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reading %1 %2</source>
        <translation>%1 %2 を読み取り中</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Listing PropagationPolicies in %1</source>
        <translation>%1 の PropagationPolicy の一覧を取得中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Listing ClusterPropagationPolicies</source>
        <translation>ClusterPropagationPolicy の一覧を取得中</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No PropagationPolicy in %1 and no ClusterPropagationPolicy selects Deployment %2; create one first.</source>
        <translation>%1 に PropagationPolicy がなく、Deployment %2 を選択する ClusterPropagationPolicy もありません。先に作成してください。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Listing Karmada clusters</source>
        <translation>Karmada クラスタの一覧を取得中</translation>
    </message>
</context>
<context>
    <name>Meridian::Placement::PolicyApplyJob</name>
    <message>
        <location line="+116"/>
        <location line="+86"/>
        <source>The Karmada control plane is not connected.</source>
        <translation>Karmada コントロール プレーンに接続されていません。</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>%1 %2 was changed by someone else since you started editing. Reload and edit again.</source>
        <translation>編集を始めてから %1 %2 が他の誰かに変更されました。再読み込みしてから編集し直してください。</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+53"/>
        <source>Writing %1 failed: %2</source>
        <translation>%1 の書き込みに失敗しました: %2</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Reading %1</source>
        <translation>%1 を読み取っています</translation>
    </message>
</context>
<context>
    <name>Meridian::PlacementDock</name>
    <message>
        <location filename="../ui/placement/placementdock.cpp" line="+15"/>
        <source>Placement</source>
        <translation>配置</translation>
    </message>
</context>
<context>
    <name>Meridian::PlacementEditor</name>
    <message>
        <location filename="../ui/placement/placementeditor.cpp" line="+122"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undo: %1</source>
        <translation>元に戻す: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Redo: %1</source>
        <translation>やり直す: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import…</source>
        <translation>インポート…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+542"/>
        <location line="+6"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location line="-538"/>
        <source>Remove entry</source>
        <translation>エントリを削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected cluster&apos;s own entry (it then follows &quot;*&quot;)</source>
        <translation>選択したクラスタ独自のエントリを削除します（削除後は &quot;*&quot; に従います）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+90"/>
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Min replicas</source>
        <translation>最小レプリカ数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max replicas</source>
        <translation>最大レプリカ数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current</source>
        <translation>現在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>計画</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Allow moving running replicas (rebalance)</source>
        <translation>実行中のレプリカの移動を許可（再配分）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total replicas</source>
        <translation>合計レプリカ数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total replicas (N):</source>
        <translation>合計レプリカ数 (N):</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Retry failed clusters</source>
        <translation>失敗したクラスタを再試行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Apply…</source>
        <translation>適用…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Placement of %1 (%2 engine)</source>
        <translation>%1 の配置（%2 エンジン）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placement of %1 (%2 engine; placed by %3 %4)</source>
        <translation>%1 の配置 (%2 エンジン、%3 %4 による配置)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restored your unapplied draft from %1. Undo discards it.</source>
        <translation>%1 から未適用の下書きを復元しました。元に戻すと破棄されます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored your unapplied draft from %1; the workload&apos;s placement has changed since. Review it before applying; Undo discards it.</source>
        <translation>%1 から未適用の下書きを復元しました。その後、ワークロードの配置が変更されています。適用する前に確認してください。元に戻すと破棄されます。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The preferences on the clusters were changed elsewhere since you started editing; applying will report a conflict. Export your draft and reopen the editor to start from the new preferences.</source>
        <translation>編集を開始した後に、クラスタの設定が別の場所で変更されました。適用すると競合が報告されます。下書きをエクスポートし、エディタを開き直して新しい設定から始めてください。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>* (every other cluster)</source>
        <translation>*（その他すべてのクラスタ）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No &quot;*&quot; entry: clusters without their own entry get nothing</source>
        <translation>&quot;*&quot; エントリなし: 独自のエントリがないクラスタには何も配置されません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No own entry: follows &quot;*&quot;</source>
        <translation>独自のエントリなし: &quot;*&quot; に従います</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Empty: no maximum</source>
        <translation>空: 最大値なし</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 replicas overflow</source>
        <translation>%1 個のレプリカがオーバーフロー</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>must be an integer ≥ 0, or empty for no maximum</source>
        <translation>0 以上の整数、または最大値なしの場合は空である必要があります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be an integer ≥ 0</source>
        <translation>0 以上の整数である必要があります</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: &quot;%2&quot; is not a valid %3</source>
        <translation>%1: &quot;%2&quot; は有効な %3 ではありません</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Moving %1 replicas from %2 to %3 (wheel changes the count)</source>
        <translation>%1 個のレプリカを %2 から %3 へ移動（ホイールで数を変更）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import preferences</source>
        <translation>設定をインポート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences (*.json *.yaml *.yml);;All files (*)</source>
        <translation>設定 (*.json *.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <location line="+5"/>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 をインポートできません: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export as %1</source>
        <translation>%1 としてエクスポート</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YAML (*.yaml)</source>
        <translation>YAML (*.yaml)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not carried over to %1:
%2</source>
        <translation>%1 に引き継がれない項目:
%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The PropagationPolicy selecting %1 gets this replica scheduling (its other fields are kept); Karmada divides the replicas:</source>
        <translation>%1 を選択する PropagationPolicy にこのレプリカ スケジューリングが設定されます（その他のフィールドは維持されます）。Karmada はレプリカを次のように分割します:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2, which places %3, gets this replica scheduling (its other fields are kept); Karmada divides the replicas:</source>
        <translation>%3 を配置する %1 %2 にこのレプリカスケジューリングを設定します (他のフィールドは保持されます)。Karmada がレプリカを分配します:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deployment %1 on the control plane: replicas %2 → %3</source>
        <translation>コントロール プレーン上の Deployment %1: レプリカ %2 → %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected per cluster:</source>
        <translation>クラスタごとの予想:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Annotation %1 on %2/%3:</source>
        <translation>%2/%3 のアノテーション %1:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replicas per cluster:</source>
        <translation>クラスタごとのレプリカ数:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no Deployment</source>
        <translation>Deployment なし</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1: %2 (unchanged: not available to the plan)</source>
        <translation>  %1: %2（変更なし: プランで利用できません）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply placement</source>
        <translation>配置を適用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is what will be written:</source>
        <translation>書き込まれる内容は次のとおりです:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
</context>
<context>
    <name>Meridian::Rollout</name>
    <message>
        <location filename="../src/rollout/manifest.cpp" line="+52"/>
        <source>nothing (null)</source>
        <translation>空の値 (null)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the boolean %1</source>
        <translation>ブール値 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the number %1</source>
        <translation>数値 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the string &quot;%1&quot;</source>
        <translation>文字列 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping</source>
        <translation>マッピング</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>空の値</translation>
    </message>
    <message>
        <location line="+367"/>
        <source>expected an object with apiVersion and kind, got %1</source>
        <translation>apiVersion と kind を持つオブジェクトが必要ですが、%1 でした</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Meridian does not apply %1 %2; it applies %3</source>
        <translation>Meridian は %1 %2 を適用しません。適用するのは %3 です</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metadata is required</source>
        <translation>metadata は必須です</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>remove managedFields: an applied object must not carry them</source>
        <translation>managedFields を削除してください: 適用するオブジェクトに含めることはできません</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: no objects to apply</source>
        <translation>%1: 適用するオブジェクトがありません</translation>
    </message>
    <message>
        <location filename="../src/rollout/memberplan.cpp" line="+31"/>
        <source>%1: document %2, line %3: %4 is for the Karmada engine; apply it with --engine karmada (Direct mode plans replicas from the deployment-preferences annotation)</source>
        <translation>%1: ドキュメント %2、%3 行: %4 は Karmada エンジン用です。--engine karmada で適用してください（Direct モードでは deployment-preferences アノテーションからレプリカを計画します）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: no deployment-preferences annotation; spec.replicas is spread evenly over the members</source>
        <translation>%1: deployment-preferences アノテーションがありません。spec.replicas をメンバーに均等に分散します</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: document %2, line %3: %4: %5</source>
        <translation>%1: ドキュメント %2、%3 行: %4: %5</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: some replicas could not be placed (the preferences&apos; maxReplicas are too low)</source>
        <translation>%1: 一部のレプリカを配置できませんでした（設定の maxReplicas が低すぎます）</translation>
    </message>
    <message>
        <location filename="../src/rollout/rolloutclient.cpp" line="+39"/>
        <source>%1: the cluster&apos;s connection is gone</source>
        <translation>%1: クラスタへの接続が失われました</translation>
    </message>
    <message>
        <location line="+318"/>
        <source>this cluster&apos;s history has no revision with that pod template</source>
        <translation>このクラスタの履歴には、その Pod テンプレートを持つリビジョンがありません</translation>
    </message>
    <message>
        <location filename="../src/rollout/rolloutstatus.cpp" line="+52"/>
        <source>%1 (1 pod)</source>
        <translation>%1 (Pod 1 個)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 pods)</source>
        <translation>%1 (Pod %2 個)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Missing</source>
        <comment>rollout state</comment>
        <translation>存在しない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progressing</source>
        <comment>rollout state</comment>
        <translation>進行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <comment>rollout state</comment>
        <translation>一時停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolled out</source>
        <comment>rollout state</comment>
        <translation>ロールアウト完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <comment>rollout state</comment>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>Meridian::Rollout::Checker</name>
    <message>
        <location filename="../src/rollout/manifest.cpp" line="-408"/>
        <source>%1: document %2, line %3: %4%5</source>
        <translation>%1: ドキュメント %2、%3 行: %4%5</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+116"/>
        <source>expected a string, got %1 (put it in quotes)</source>
        <translation>文字列が必要ですが、%1 でした（引用符で囲んでください）</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>expected a string, got %1</source>
        <translation>文字列が必要ですが、%1 でした</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is required</source>
        <translation>%1 は必須です</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected an integer, got %1 (remove the quotes)</source>
        <translation>整数が必要ですが、%1 でした（引用符を外してください）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected an integer, got %1</source>
        <translation>整数が必要ですが、%1 でした</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a mapping, got %1</source>
        <translation>マッピングが必要ですが、%1 でした</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a list, got %1</source>
        <translation>リストが必要ですが、%1 でした</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;%1&quot; is not a valid name: lower case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit</source>
        <translation>&quot;%1&quot; は有効な名前ではありません: 小文字、数字、&apos;-&apos;、&apos;.&apos; のみ使用でき、先頭と末尾は英小文字か数字である必要があります</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>expected a mapping with name and value, got %1</source>
        <translation>name と value を持つマッピングが必要ですが、%1 でした</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>containerPort is required</source>
        <translation>containerPort は必須です</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>template is required</source>
        <translation>template は必須です</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>at least one container is required</source>
        <translation>少なくとも一つのコンテナが必要です</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a container (a mapping), got %1</source>
        <translation>コンテナ（マッピング）が必要ですが、%1 でした</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>duplicate container name &quot;%1&quot;</source>
        <translation>コンテナ名 &quot;%1&quot; が重複しています</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>spec is required</source>
        <translation>spec は必須です</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be 0 or more</source>
        <translation>0 以上である必要があります</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the selector&apos;s %1=%2 does not match the template&apos;s labels</source>
        <translation>セレクターの %1=%2 がテンプレートのラベルと一致しません</translation>
    </message>
</context>
<context>
    <name>Meridian::Rollout::RolloutSession</name>
    <message>
        <location filename="../src/rollout/rolloutsession.cpp" line="+55"/>
        <source>the kubeconfig (%1) defines no contexts</source>
        <translation>kubeconfig (%1) にコンテキストが定義されていません</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>no cluster named &quot;%1&quot; (the clusters are: %2)</source>
        <translation>&quot;%1&quot; という名前のクラスタはありません（クラスタ: %2）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>listing the Karmada clusters: %1</source>
        <translation>Karmada クラスタの一覧表示: %1</translation>
    </message>
</context>
<context>
    <name>Meridian::Rollout::RolloutWorker</name>
    <message>
        <location filename="../src/rollout/rolloutworker.cpp" line="+63"/>
        <location line="+103"/>
        <source>no federation is open</source>
        <translation>フェデレーションが開かれていません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a rollout is still running; abort it first</source>
        <translation>ロールアウトがまだ実行中です。先に中止してください</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>waves need the Direct engine; with Karmada the PropagationPolicy decides where the template goes</source>
        <translation>ウェーブには Direct エンジンが必要です。Karmada では、テンプレートの配置先は PropagationPolicy が決定します</translation>
    </message>
    <message>
        <location line="+49"/>
        <source> unchanged</source>
        <translation> (変更なし)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>wave %1 started: %2</source>
        <translation>ウェーブ %1 を開始しました: %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>no cluster chosen</source>
        <translation>クラスタが選択されていません</translation>
    </message>
</context>
<context>
    <name>Meridian::Rollout::WaveRollout</name>
    <message>
        <location filename="../src/rollout/waverollout.cpp" line="+67"/>
        <source>aborted</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aborted; not started: %1</source>
        <translation>中止しました。未開始: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no connection to this cluster</source>
        <translation>このクラスタへの接続がありません</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1 is paused; resume it first</source>
        <translation>%1 は一時停止中です。先に再開してください</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 was not Available within its progress deadline (%2 s)</source>
        <translation>%1 は進行期限（%2 秒）内に Available になりませんでした</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>not started: %1</source>
        <translation>未開始: %1</translation>
    </message>
</context>
<context>
    <name>Meridian::Rollout::WaveSequencer</name>
    <message>
        <location filename="../src/rollout/waves.cpp" line="+15"/>
        <source>--waves names &quot;%1&quot;, which is not one of the clusters (%2)</source>
        <translation>--waves に指定された &quot;%1&quot; は、クラスタ（%2）のいずれでもありません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--waves names &quot;%1&quot; twice</source>
        <translation>--waves に &quot;%1&quot; が 2 回指定されています</translation>
    </message>
</context>
<context>
    <name>Meridian::RolloutChart</name>
    <message>
        <location filename="../ui/rollout/rolloutchart.cpp" line="+20"/>
        <source>Available replicas, % of desired</source>
        <translation>利用可能なレプリカ数（希望数に対する %）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
</context>
<context>
    <name>Meridian::RolloutPanel</name>
    <message>
        <location filename="../ui/rollout/rolloutpanel.cpp" line="+50"/>
        <source>1 cluster.</source>
        <translation>1 クラスタ。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 clusters.</source>
        <translation>%1 クラスタ。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rollouts unavailable: %1</source>
        <translation>ロールアウトを利用できません: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>namespace/name</source>
        <translation>名前空間/名前</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deploy…</source>
        <translation>デプロイ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>変更…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>再起動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll Back</source>
        <translation>ロールバック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back to the previous revision (kubectl rollout undo)</source>
        <translation>前のリビジョンにロールバックします (kubectl rollout undo)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Workload:</source>
        <translation>ワークロード:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cluster</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desired</source>
        <translation>希望数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revision</source>
        <translation>リビジョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+271"/>
        <source>Images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select clusters to act on only those; none selected: all.</source>
        <translation>クラスタを選択すると、そのクラスタだけが操作対象になります。何も選択しない場合はすべてが対象です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Roll Back to Selected Revision</source>
        <translation>選択したリビジョンにロールバック</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History, aligned by pod template (* = running now):</source>
        <translation>Pod テンプレートごとに揃えた履歴（* = 現在実行中）:</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>every cluster</source>
        <translation>すべてのクラスタ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2/%3 on %4…</source>
        <translation>%4 の %2/%3 を%1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pausing</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resuming</source>
        <translation>再開中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restarting</source>
        <translation>再起動中</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Rolling back</source>
        <translation>ロールバック中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a row of the history first.</source>
        <translation>先に履歴の行を選択してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rolling back to %1</source>
        <translation>%1 へロールバック中</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Changing</source>
        <translation>変更中</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Failed:
%1</source>
        <translation>失敗しました:
%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unreadable</source>
        <translation>読み取り不能</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change Cause</source>
        <translation>変更理由</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;none&gt;</source>
        <translation>&lt;なし&gt;</translation>
    </message>
</context>
<context>
    <name>Meridian::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="+30"/>
        <source>No files listed: Meridian reads $KUBECONFIG (%1), as kubectl does.</source>
        <translation>ファイルが指定されていません: kubectl と同様に $KUBECONFIG（%1）を読み込みます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No files listed: Meridian reads $KUBECONFIG, else %1, as kubectl does.</source>
        <translation>ファイルが指定されていません: kubectl と同様に $KUBECONFIG、なければ %1 を読み込みます。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Settings — Meridian</source>
        <translation>設定 — Meridian</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;nnection</source>
        <translation>接続(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Locations</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appearanc&amp;e</source>
        <translation>外観(&amp;E)</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+5"/>
        <source>Kubeconfig files</source>
        <translation>kubeconfig ファイル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd…</source>
        <translation>追加(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contexts shown as member clusters</source>
        <translation>メンバー クラスタとして表示するコンテキスト</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enabled contexts</source>
        <translation>有効なコンテキスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space toggles the selected context.</source>
        <translation>スペース キーで選択中のコンテキストを切り替えます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;irect: every enabled context is a member cluster</source>
        <translation>ダイレクト(&amp;I): 有効なコンテキストそれぞれがメンバー クラスタ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Karmada: one context is the Karmada control plane</source>
        <translation>Karmada(&amp;K): 1 つのコンテキストが Karmada コントロール プレーン</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Control &amp;plane context:</source>
        <translation>コントロール プレーンのコンテキスト(&amp;P):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Where a cluster sits on the map, as “latitude,longitude” (for example 35.68,139.69 for Tokyo). Leave empty to place it from its labels, region or name. Your setting wins over every other source.</source>
        <translation>地図上のクラスタの位置を「緯度,経度」で指定します（例: 東京は 35.68,139.69）。空欄にするとラベル、リージョン、名前から配置します。この設定は他のすべての情報源より優先されます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Location overrides</source>
        <translation>位置の上書き</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster (context)</source>
        <translation>クラスタ（コンテキスト）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latitude,longitude</source>
        <translation>緯度,経度</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>System</source>
        <comment>theme</comment>
        <translation>システム</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <comment>theme</comment>
        <translation>ライト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <comment>theme</comment>
        <translation>ダーク</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <comment>language</comment>
        <translation>システム</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La&amp;nguage:</source>
        <translation>言語(&amp;N):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new language applies when Meridian starts again. $MERIDIAN_LANG, when set, wins over this setting.</source>
        <translation>新しい言語は Meridian の次回起動時に適用されます。$MERIDIAN_LANG が設定されている場合はそちらが優先されます。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add Kubeconfig Files</source>
        <translation>kubeconfig ファイルの追加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubeconfig files (*)</source>
        <translation>kubeconfig ファイル (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The files are merged in this order; for each cluster, user and context the first file wins, as kubectl does.</source>
        <translation>ファイルはこの順序でマージされます。クラスタ、ユーザー、コンテキストごとに、kubectl と同様に最初のファイルが優先されます。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The kubeconfig has no contexts.</source>
        <translation>kubeconfig にコンテキストがありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contexts: %1, from %2. Unticked ones are not shown.</source>
        <translation>コンテキスト: %1（%2 から）。チェックされていないものは表示されません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kubeconfig could not be read: %1</source>
        <translation>kubeconfig を読み込めませんでした: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (not in the kubeconfig)</source>
        <translation>%1（kubeconfig にありません）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>latitude,longitude — for example 50.11,8.68</source>
        <translation>緯度,経度 — 例: 50.11,8.68</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Location of cluster “%1”: %2</source>
        <translation>クラスタ「%1」の位置: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Karmada engine needs the context of the Karmada control plane.</source>
        <translation>Karmada エンジンには Karmada コントロール プレーンのコンテキストが必要です。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tick at least one context: with none, there is no cluster to show.</source>
        <translation>コンテキストを 1 つ以上チェックしてください。なければ表示するクラスタがありません。</translation>
    </message>
</context>
<context>
    <name>Meridian::WorkloadChangeDialog</name>
    <message>
        <location filename="../ui/rollout/workloadchangedialog.cpp" line="+24"/>
        <source>Total replicas:</source>
        <translation>合計レプリカ数:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Workload</source>
        <translation>ワークロードの変更</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Divided over the chosen clusters by the deployment-preferences annotation (or evenly).</source>
        <translation>選択したクラスタに、deployment-preferences アノテーションに従って（またはなければ均等に）分割されます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Variable</source>
        <translation>変数を追加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Variable</source>
        <translation>変数を削除</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Container:</source>
        <translation>コンテナ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image:</source>
        <translation>イメージ:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
</context>
<context>
    <name>Meridian::WorkloadModel</name>
    <message>
        <location filename="../src/models/workloadmodel.cpp" line="+71"/>
        <location line="+51"/>
        <source>%1 (plan %2)</source>
        <translation>%1（プラン %2）</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+12"/>
        <source>pod template</source>
        <comment>drift</comment>
        <translation>Pod テンプレート</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>images</source>
        <comment>drift</comment>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>replicas</source>
        <comment>drift</comment>
        <translation>レプリカ数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Namespace/Name</source>
        <translation>名前空間/名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clusters</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desired</source>
        <comment>replicas</comment>
        <translation>希望数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <comment>replicas</comment>
        <translation>更新済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <comment>replicas</comment>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <comment>replicas</comment>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revision</source>
        <translation>リビジョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drift</source>
        <translation>差異</translation>
    </message>
</context>
<context>
    <name>Meridian::WorldMapView</name>
    <message>
        <location filename="../ui/map/worldmapview.cpp" line="+106"/>
        <location line="+1213"/>
        <source>World map of clusters</source>
        <translation>クラスタの世界地図</translation>
    </message>
    <message>
        <location line="-1183"/>
        <location line="+8"/>
        <source>Unplaced clusters</source>
        <translation>位置不明のクラスタ</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Clusters whose location is unknown. Set a location in the cluster settings or the meridian.dev/location label.</source>
        <translation>位置が不明なクラスタです。クラスタ設定または meridian.dev/location ラベルで位置を指定してください。</translation>
    </message>
    <message numerus="yes">
        <location line="+235"/>
        <source>Unplaced (%n)</source>
        <comment>clusters without a known location</comment>
        <translation>
            <numerusform>位置不明 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n cluster(s) on the map</source>
        <translation>
            <numerusform>地図上のクラスタ: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n without a location</source>
        <comment>clusters</comment>
        <translation>
            <numerusform>位置不明: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+554"/>
        <source>Map data: Natural Earth</source>
        <translation>地図データ: Natural Earth</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The map outlines could not be loaded.</source>
        <translation>地図の輪郭を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <comment>Kubernetes version</comment>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <comment>ready/total</comment>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replicas</source>
        <translation>レプリカ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rollout</source>
        <translation>ロールアウト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 updated, %2 old, %3 unavailable</source>
        <translation>更新済み %1、旧 %2、利用不可 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2, %3)</source>
        <comment>region (city, country)</comment>
        <translation>%1 (%2、%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1°, %2°</source>
        <comment>latitude, longitude</comment>
        <translation>%1°, %2°</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>Meridian::Yaml</name>
    <message>
        <location filename="../src/yaml/yamljson.cpp" line="+269"/>
        <location line="+14"/>
        <source>%1line %2, column %3: %4</source>
        <translation>%1%2 行、%3 列: %4</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>document %1, </source>
        <translation>ドキュメント %1、</translation>
    </message>
</context>
<context>
    <name>Meridian::Yaml::Converter</name>
    <message>
        <location line="-307"/>
        <source>nesting deeper than %1 levels</source>
        <translation>ネストが %1 レベルを超えています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than %1 values after expanding aliases</source>
        <translation>エイリアスを展開すると値が %1 個を超えます</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>a mapping key must be a plain value, not a list or mapping</source>
        <translation>マッピングのキーはリストやマッピングではなく、単純な値である必要があります</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mapping key &quot;%1&quot; already defined at line %2</source>
        <translation>マッピングのキー &quot;%1&quot; は %2 行ですでに定義されています</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+10"/>
        <source>a &lt;&lt; merge key needs a mapping or a list of mappings</source>
        <translation>&lt;&lt; マージキーにはマッピングまたはマッピングのリストが必要です</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is tagged !!bool but is not true or false</source>
        <translation>&quot;%1&quot; は !!bool タグが付いていますが、true でも false でもありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is tagged !!int but is not an integer</source>
        <translation>&quot;%1&quot; は !!int タグが付いていますが、整数ではありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is tagged !!float but is not a number</source>
        <translation>&quot;%1&quot; は !!float タグが付いていますが、数値ではありません</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 cannot be written as JSON; quote it to make it a string</source>
        <translation>%1 は JSON として書き出せません。文字列にするには引用符で囲んでください</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/meridian/main.cpp" line="+124"/>
        <source>Meridian: one console for one workload on many Kubernetes clusters.</source>
        <translation>Meridian: 多数の Kubernetes クラスタで動く一つのワークロードのためのコンソール。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start the embedded demo federation and connect to it.</source>
        <translation>内蔵のデモ フェデレーションを起動して接続します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>A context to show; repeat for more (default: all).</source>
        <translation>表示するコンテキスト。複数指定できます（既定: すべて）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Render the window to a PNG once every cluster has answered, then exit.</source>
        <translation>すべてのクラスタが応答したらウィンドウを PNG に描画して終了します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Window size for --screenshot, as WIDTHxHEIGHT.</source>
        <translation>--screenshot のウィンドウ サイズ（幅x高さ）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a workload (NAMESPACE/NAME): the map shows where its replicas run.</source>
        <translation>ワークロードを選択します（名前空間/名前）。地図にそのレプリカの配置を表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>workload</source>
        <translation>ワークロード</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a cluster by its context: the details show it.</source>
        <translation>コンテキストでクラスタを選択します。詳細にそのクラスタが表示されます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Federation engine: direct (every context is a member) or karmada (the context is a Karmada control plane).</source>
        <translation>フェデレーション エンジン: direct（すべてのコンテキストがメンバー）または karmada（コンテキストが Karmada コントロール プレーン）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--size &quot;%1&quot; is not WIDTHxHEIGHT (at least 320x240)</source>
        <translation>--size &quot;%1&quot; が 幅x高さ の形式ではありません（320x240 以上）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--engine &quot;%1&quot; is neither direct nor karmada</source>
        <translation>--engine &quot;%1&quot; は direct でも karmada でもありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--theme &quot;%1&quot; is neither light nor dark</source>
        <translation>--theme &quot;%1&quot; は light でも dark でもありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--select-workload &quot;%1&quot; is not NAMESPACE/NAME</source>
        <translation>--select-workload &quot;%1&quot; が 名前空間/名前 の形式ではありません</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Starting the demo federation… — Meridian</source>
        <translation>デモ フェデレーションを起動中… — Meridian</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>the demo federation could not start: %1</source>
        <translation>デモ フェデレーションを起動できませんでした: %1</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>Kubeconfig file (default: the files in Settings, else $KUBECONFIG, then ~/.kube/config).</source>
        <translation>kubeconfig ファイル（既定: 設定のファイル、なければ $KUBECONFIG、次に ~/.kube/config）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Theme for this run: light or dark.</source>
        <translation>この実行のテーマ: light または dark。</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>demo federation</source>
        <translation>デモ フェデレーション</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo federation</source>
        <translation>デモ フェデレーション</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>cannot write the screenshot to %1</source>
        <translation>スクリーンショットを %1 に書き込めません</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>not every cluster answered within 120 s; no screenshot written</source>
        <translation>120 秒以内に応答しなかったクラスタがあるため、スクリーンショットは書き込まれませんでした</translation>
    </message>
</context>
</TS>
