import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';

/** A key just issued: shown this once, with a copy button and what the admin must do with it now. */
export function KeyCard({ partnerName, apiKey, onDone }: { partnerName: string; apiKey: string; onDone: () => void }) {
  return (
    <View className="o311-key card">
      <Text className="o311-key__title">{`“${partnerName}”的新密钥（只显示这一次）`}</Text>
      <Text className="o311-key__value" userSelect>
        {apiKey}
      </Text>
      <Text className="o311-key__warn">
        请现在复制，并通过安全渠道（当面或加密文件）交给对接方。离开本页后无法再次查看，系统只保存它的摘要；遗失只能重新发放。旧密钥将在 1
        分钟内失效。
      </Text>
      <View className="o311-key__actions">
        <ActionButton onClick={() => void Taro.setClipboardData({ data: apiKey })}>复制密钥</ActionButton>
        <ActionButton kind="default" onClick={onDone}>
          我已复制并交给对接方
        </ActionButton>
      </View>
    </View>
  );
}
