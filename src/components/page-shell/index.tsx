import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { needsPersona } from '../../services/persona';
import { useCareMode } from '../../hooks/use-care-mode';
import { usePersona } from '../../hooks/use-persona';
import { PersonaList, PersonaSheet } from '../persona-picker';
import { PrivacyPopup } from '../privacy-popup';
import './index.scss';

/**
 * Every page's frame. On H5 nothing can be called until a demo persona is chosen, so the page shows
 * the picker instead of its content; afterwards a small "演示" tab in the top-right corner switches at any time.
 */
export function PageShell({ children, className: own = '' }: { children: ReactNode; className?: string }) {
  const persona = usePersona();
  // 关怀模式 is this one class on every page's root: the styles under `.care` are generated and written once (src/styles/_care.scss).
  const className = useCareMode() ? `${own} care` : own;
  const [picking, setPicking] = useState(false);

  if (needsPersona && !persona) {
    return (
      <View className={`page ${className}`}>
        <View className="persona-prompt">
          <Text className="persona-prompt__title">请选择演示身份</Text>
          <Text className="persona-prompt__text">这是本地演示环境。选择一位社区成员，以他的身份使用邻里。</Text>
        </View>
        <PersonaList />
      </View>
    );
  }
  return (
    <View className={`page ${className}`}>
      {children}
      {needsPersona && persona && (
        <View className="persona-chip" onClick={() => setPicking(true)}>
          <Text className="persona-chip__label">演示</Text>
          <Text className="persona-chip__name">{persona.name}</Text>
        </View>
      )}
      {picking && <PersonaSheet onClose={() => setPicking(false)} />}
      {process.env.TARO_ENV === 'weapp' && <PrivacyPopup />}
    </View>
  );
}
