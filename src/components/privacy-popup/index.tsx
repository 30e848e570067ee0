import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { AGREE_BUTTON_ID, answerPrivacy, onPrivacyAsk } from '../../services/privacy';
import { privacySummary } from '../../utils/privacy-text';
import './index.scss';

/** Linli's own 隐私授权 popup, shown when WeChat needs consent before a private API (weapp only). */
export function PrivacyPopup() {
  const [asking, setAsking] = useState(false);
  useEffect(() => onPrivacyAsk(setAsking), []);
  if (!asking) return null;
  return (
    <View className="privacy-popup">
      <View className="privacy-popup__panel">
        <Text className="privacy-popup__title">邻里隐私保护指引</Text>
        <Text className="privacy-popup__text">{privacySummary.collect}</Text>
        <Text className="privacy-popup__text">{privacySummary.who}</Text>
        <Button
          id={AGREE_BUTTON_ID}
          className="btn btn--primary"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => answerPrivacy(true)}
        >
          同意并继续
        </Button>
        <Button className="btn btn--default" onClick={() => answerPrivacy(false)}>
          不同意
        </Button>
      </View>
    </View>
  );
}
