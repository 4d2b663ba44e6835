import type { ErrorCatalogue } from './index.js';

export const ja: ErrorCatalogue = {
  shutting_down:
    'sidecar を終了しています。再開したらもう一度送信してください（実行中のジョブは再起動時に再開されます）。',
  cancelled: 'キャンセルしました。',
  mask_required: 'マスクが必要です。画像の変更したい部分を塗ってください。',
  mask_empty: 'マスクが空です。画像の変更したい部分を塗ってから、もう一度送信してください。',
  mask_full:
    'マスクが画像全体を覆っているため、塗りつぶしの元になる部分がありません。画像の一部を塗らずに残してください。',
  crop_too_small: '切り抜きが 16x16 ピクセルより小さいです。もっと広い範囲を選んでください。',
  flux_key_missing:
    'FLUX の API キーがありません。FLUX Inpaint 関数の valves（Admin > Functions）で FLUX_API_KEY を設定するか、それを指定して sidecar を起動してください。',
  flux_forbidden:
    'FLUX が API キーを拒否しました（{status}）。FLUX_API_KEY を確認するか、{dashboard} でキーを作成してください',
  flux_out_of_credits:
    'FLUX アカウントのクレジットが不足しています（402）。{dashboard} でチャージしてから、もう一度送信してください。',
  flux_bad_request: 'FLUX がリクエストを拒否しました（400）{detail}。プロンプトとパラメーターを確認してください。',
  flux_validation: 'FLUX がパラメーターを拒否しました（422）{detail}。',
  'flux_validation.fields': 'FLUX が {fields} を拒否しました（422）。値を変更して、もう一度送信してください。',
  'invalid_request.outpaint_cuts':
    'オフラインの Outpaint は画像全体の周りにキャンバスを足すことしかできません。画像全体が入るように枠をドラッグするか、FLUX を使ってください。',
  'invalid_request.outpaint_empty': 'Outpaint には画像より大きい枠が必要です。枠の端を外側へドラッグしてください。',
  'flux_rate_limited.retrying':
    'この API キーで FLUX 上の実行中タスクが多すぎます（429）。約 {seconds} 秒後に再試行します。',
  flux_server_error: 'FLUX でサーバーエラーが発生しました（{status}）。1 分後にもう一度お試しください。',
  flux_http_error: 'FLUX が HTTP {status} を返しました{detail}。',
  flux_timeout:
    'FLUX が {seconds} 秒以内に完了しませんでした（POLL_INTERVAL x MAX_POLL_ATTEMPTS）。値を上げるか、後でもう一度送信してください。',
  flux_request_moderated:
    'FLUX が入力画像またはプロンプトを拒否しました（Request Moderated）。プロンプトか画像を変えるか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  'flux_request_moderated.reasons':
    'FLUX が入力画像またはプロンプトを拒否しました（Request Moderated）（理由: {reasons}）。プロンプトか画像を変えるか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  flux_content_moderated:
    'FLUX は画像を生成しましたが、提供を保留しました（Content Moderated）。別のプロンプトを試すか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  'flux_content_moderated.reasons':
    'FLUX は画像を生成しましたが、提供を保留しました（Content Moderated）（理由: {reasons}）。別のプロンプトを試すか、SAFETY_TOLERANCE を上げてください（0 が最も厳格）。課金されたかどうかは文書化されていません。{dashboard} を確認してください。',
  flux_task_error: 'FLUX は画像を生成できませんでした（{status}）。編集をもう一度送信してください。',
  'flux_task_error.reasons':
    'FLUX は画像を生成できませんでした（{status}）: {reasons}。編集をもう一度送信してください。',
  flux_task_not_found:
    'FLUX はこのタスクをもう認識していません（Task not found）。期限切れ（結果の保持は約 10 分）か、別のリージョンに問い合わせました。FLUX_API_URL がリージョン（api.eu.bfl.ai、api.us.bfl.ai）を指定している場合は、キーのリージョンであることを確認し、編集をもう一度送信してください。',
  result_expired:
    '結果のリンクがダウンロード前に期限切れになりました（HTTP {status}）。編集をもう一度送信してください。',
  'flux_bad_response.no_link':
    'FLUX は画像の完成を報告しましたが、ダウンロードリンクがありません。もう一度送信してください。',
  'result_download_failed.http': '結果のダウンロードが HTTP {status} で失敗しました。',
  result_truncated: '結果のダウンロードが途中で終わりました（{declared} バイト中 {received} バイト）。',
  result_too_large: '結果が {mb} MB を超えています（FLUX_INPAINT_MAX_RESULT_MB）。',
  tool_no_image:
    'このチャットには編集できる画像がありません。先に画像をアップロード（または生成）してから、もう一度依頼してください。',
  bridge_closed: 'Open WebUI が sidecar との接続を閉じました。',
  bridge_ended: 'セッションは終了しました。',
  page_gone: 'Open WebUI のページが応答しなくなりました（タブが閉じられたか再読み込みされました）。',
};
